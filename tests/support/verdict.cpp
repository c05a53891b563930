// SPDX-License-Identifier: Apache-2.0
#include "verdict.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryFile>

#include <unistd.h>

namespace Posture::Tests {

namespace {

QString doctorApproval(const QString &text)
{
    if (text == u"OnRequest")
        return QStringLiteral("on-request");
    if (text == u"Never")
        return QStringLiteral("never");
    if (text.startsWith(u"Granular"))
        return QStringLiteral("granular");
    return text; // UnlessTrusted and anything new stay as the CLI wrote them
}

// The hosts file the CLI sees: the names `codex doctor` and `debug prompt-input` look up, on loopback. With no network,
// the CLI's resolver would wait 5 s for each name (measured: 10 s per doctor run); from this file they fail at once.
// probe.invalid is the host of the URL MCP servers the acceptance probes configure: doctor resolves every one of them
// (a config with many took ~23 s a run without it, 0.2 s with it).
QString hostsFile()
{
    static QTemporaryFile file;
    static const bool written = [] {
        const QByteArray names = "localhost api.openai.com chatgpt.com api.github.com probe.invalid\n";
        return file.open() && file.write("127.0.0.1 " + names + "::1 " + names) > 0 && file.flush();
    }();
    return written ? file.fileName() : QStringLiteral("/etc/hosts");
}

} // namespace

QByteArray runOracle(const QString &binary, const CodexCase &codexCase, const QStringList &arguments, QString *error,
    QByteArray *standardError)
{
    QProcess process;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), codexCase.home);
    environment.insert(QStringLiteral("CODEX_HOME"), codexCase.codexHome);
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(codexCase.cwd);
    process.setStandardInputFile(QProcess::nullDevice());
    // No network: a network namespace of its own (root may make one; anyone else maps itself to root in a user
    // namespace first), with Codex's endpoints on loopback in a private /etc/hosts (see hostsFile()).
    QStringList command{QStringLiteral("--net"), QStringLiteral("--mount")};
    if (::geteuid() != 0)
        command.append(QStringLiteral("--map-root-user"));
    command << QStringLiteral("--") << QStringLiteral("/bin/sh") << QStringLiteral("-c")
            << QStringLiteral("mount --bind \"$0\" /etc/hosts && exec \"$@\"") << hostsFile() << binary << arguments;
    process.start(QStringLiteral("unshare"), command);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        *error = QStringLiteral("codex %1 did not finish: %2").arg(arguments.join(u' '), process.errorString());
        return {};
    }
    if (standardError)
        *standardError = process.readAllStandardError();
    return process.readAllStandardOutput();
}

namespace {

// The keys a startup warning names: the first `quoted` key of each of its lines ("`[features].multi_agent` is
// deprecated", "user (…/config.toml): `bogus_key` is ignored."), written as a dotted path, or the list of a project's
// dropped keys ("Ignored unsupported project-local config keys in FILE: model_provider, notify. If …").
QStringList keysNamedIn(const QString &warning)
{
    static const QRegularExpression projectKeys(
        QStringLiteral("project-local config keys in \\S+: ([^ .]+(, [^ .]+)*)\\."));
    if (const QRegularExpressionMatch match = projectKeys.match(warning); match.hasMatch())
        return match.captured(1).split(QStringLiteral(", "));
    static const QRegularExpression profile(QStringLiteral("^Permissions profile `([^`]+)`"));
    if (const QRegularExpressionMatch match = profile.match(warning); match.hasMatch())
        return {QStringLiteral("permissions.") + match.captured(1)};
    static const QRegularExpression roleFile(QStringLiteral("agent role definition: (agents\\.\\S+) must"));
    if (const QRegularExpressionMatch match = roleFile.match(warning); match.hasMatch())
        return {match.captured(1)};
    static const QRegularExpression role(QStringLiteral("agent role `([^`]+)` must define a description"));
    if (const QRegularExpressionMatch match = role.match(warning); match.hasMatch())
        return {QStringLiteral("agents.") + match.captured(1)};
    // Codex lists at most three ignored settings, then "... and N more ignored settings."
    static const QRegularExpression more(QStringLiteral("\\.\\.\\. and (\\d+) more ignored setting"));
    QStringList moreKeys;
    if (const QRegularExpressionMatch match = more.match(warning); match.hasMatch())
        moreKeys.append(QStringLiteral("(and %1 more)").arg(match.captured(1)));
    static const QRegularExpression quoted(QStringLiteral("`([^`]+)`"));
    QStringList keys;
    for (const QString &line : warning.split(u'\n')) {
        const QRegularExpressionMatch match = quoted.match(line);
        if (!match.hasMatch())
            continue;
        QString key = match.captured(1).section(u' ', 0, 0);
        key.remove(u'[').remove(u']');
        keys.append(key);
    }
    return keys + moreKeys;
}

} // namespace

Core::InspectOptions CodexCase::options(bool withProfile) const
{
    return Core::InspectOptions{.codexHome = codexHome,
        .home = home,
        .cwd = cwd,
        .profile = withProfile ? profile : QString(),
        .systemRoot = systemRoot,
        .codexVersion = codexVersion};
}

QString Verdict::toString() const
{
    return QStringLiteral("load=%1 approval=%2 fs=%3 net=%4 | prompt: mode=%5 net=%6 never=%7 | warnings=%8 [%9]")
        .arg(configLoad, approval, filesystem, network, sandboxMode, promptNetwork,
            promptNever ? QStringLiteral("yes") : QStringLiteral("no"), QString::number(warningCount),
            warningKeys.join(QStringLiteral(", ")));
}

QJsonObject Verdict::toExpectedJson() const
{
    const auto orNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    QJsonObject json{{QStringLiteral("config_load"), configLoad}, {QStringLiteral("approval"), orNull(approval)},
        {QStringLiteral("filesystem"), orNull(filesystem)}, {QStringLiteral("network"), orNull(network)},
        {QStringLiteral("sandbox_mode"), orNull(sandboxMode)}};
    if (!loadError.isEmpty())
        json.insert(QStringLiteral("load_error"), loadError);
    if (!promptNetwork.isEmpty())
        json.insert(QStringLiteral("prompt_network"), promptNetwork);
    if (promptNever)
        json.insert(QStringLiteral("prompt_approval"), QStringLiteral("never"));
    json.insert(QStringLiteral("warnings"),
        QJsonObject{{QStringLiteral("count"), warningCount},
            {QStringLiteral("keys"), QJsonArray::fromStringList(warningKeys)}});
    return json;
}

Verdict Verdict::fromExpectedJson(const QJsonObject &json)
{
    Verdict verdict;
    verdict.configLoad = json.value(u"config_load").toString();
    verdict.approval = json.value(u"approval").toString();
    verdict.filesystem = json.value(u"filesystem").toString();
    verdict.network = json.value(u"network").toString();
    verdict.sandboxMode = json.value(u"sandbox_mode").toString();
    verdict.promptNetwork = json.value(u"prompt_network").toString();
    verdict.promptNever = json.value(u"prompt_approval").toString() == u"never";
    verdict.loadError = json.value(u"load_error").toString();
    verdict.warningsRecorded = json.contains(u"warnings");
    const QJsonObject warnings = json.value(u"warnings").toObject();
    verdict.warningCount = warnings.value(u"count").toInt();
    for (const QJsonValue &key : warnings.value(u"keys").toArray())
        verdict.warningKeys.append(key.toString());
    return verdict;
}

QStringList Verdict::widenedFrom(const Verdict &before) const
{
    QStringList widened;
    const auto check = [&widened](
                           const char *what, const QStringList &closedToOpen, const QString &from, const QString &to) {
        const qsizetype a = closedToOpen.indexOf(from);
        const qsizetype b = closedToOpen.indexOf(to);
        if (a >= 0 && b > a)
            widened.append(QStringLiteral("%1: %2 -> %3").arg(QLatin1StringView(what), from, to));
    };
    if (before.configLoad == u"fail" || configLoad == u"fail")
        return widened;
    const QStringList approvals{QStringLiteral("UnlessTrusted"), QStringLiteral("on-request"), QStringLiteral("never")};
    const auto asked = [](const QString &policy) {
        return policy == u"granular" ? QStringLiteral("on-request") : policy;
    };
    check("doctor approval", approvals, asked(before.approval), asked(approval));
    check("doctor filesystem", {QStringLiteral("restricted"), QStringLiteral("unrestricted")}, before.filesystem,
        filesystem);
    check("doctor network", {QStringLiteral("restricted"), QStringLiteral("enabled")}, before.network, network);
    check("prompt sandbox_mode",
        {QStringLiteral("read-only"), QStringLiteral("workspace-write"), QStringLiteral("danger-full-access")},
        before.sandboxMode, sandboxMode);
    check("prompt network", {QStringLiteral("restricted"), QStringLiteral("enabled")}, before.promptNetwork,
        promptNetwork);
    if (promptNever && !before.promptNever && !before.sandboxMode.isEmpty())
        widened.append(QStringLiteral("prompt approval: -> never"));
    return widened;
}

Verdict postureVerdict(const CodexCase &codexCase)
{
    Verdict verdict;
    const Core::Inspection base = Core::Inspection::run(codexCase.options(false), QProcessEnvironment());
    verdict.configLoad = Core::loadStatusName(base.loadStatus);
    // Codex gathers every ignored key into one warning (naming the first three, sorted, then "(and N more)"), and a
    // project's dropped keys into one per project file; any other warning is a warning of its own. doctor shows no
    // warnings when Codex refuses the configuration.
    QSet<QString> groups;
    QStringList ignored;
    for (const Core::Diagnostic &message : base.messages) {
        if (message.severity != Core::DiagnosticSeverity::Warning || !base.codexStarts())
            continue;
        const QString group = message.code == u"unknown-key" ? message.code
            : message.code == u"project-ignored"             ? message.code + message.location.file
                                                             : QString();
        if (group.isEmpty() || !groups.contains(group))
            ++verdict.warningCount;
        groups.insert(group);
        if (message.code == u"unknown-key")
            ignored.append(message.keyPath.join(u'.'));
        else if (message.code == u"unknown-special-path")
            verdict.warningKeys.append(message.keyPath.constLast()); // Codex names the path only
        else if (message.code == u"unbounded-deny-glob")
            verdict.warningKeys.append(message.keyPath.mid(3).join(u'/')); // and the glob with its scope
        else if (!message.keyPath.isEmpty())
            verdict.warningKeys.append(message.keyPath.join(u'.'));
    }
    ignored.sort();
    verdict.warningKeys += ignored.mid(0, 3);
    if (ignored.size() > 3)
        verdict.warningKeys.append(QStringLiteral("(and %1 more)").arg(ignored.size() - 3));
    verdict.warningKeys.sort();
    if (base.codexStarts()) {
        verdict.approval = base.cli.approvalPolicy.value == u"unless-trusted" ? QStringLiteral("UnlessTrusted")
                                                                              : base.cli.approvalPolicy.value;
        verdict.filesystem = base.cli.filesystem.value;
        verdict.network = base.cli.network.value;
    }
    const Core::Inspection applied =
        codexCase.profile.isEmpty() ? base : Core::Inspection::run(codexCase.options(true), QProcessEnvironment());
    // With include_permissions_instructions = false the prompt carries no permissions text to read.
    const bool promptShowsPermissions =
        applied.config.value({QStringLiteral("include_permissions_instructions")}) != QVariant(false);
    if (applied.codexStarts() && promptShowsPermissions) {
        verdict.sandboxMode = applied.cli.sandboxMode.value;
        verdict.promptNetwork = applied.cli.network.value;
        verdict.promptNever = applied.cli.approvalPolicy.value == u"never";
    }
    return verdict;
}

Verdict oracleVerdict(const QString &codexBinary, const CodexCase &codexCase, QString *error)
{
    Verdict verdict;
    const QJsonObject doctor = QJsonDocument::fromJson(
        runOracle(codexBinary, codexCase, {QStringLiteral("doctor"), QStringLiteral("--json")}, error))
                                   .object();
    const QJsonObject checks = doctor.value(u"checks").toObject();
    const QJsonObject load = checks.value(u"config.load").toObject();
    verdict.configLoad = load.value(u"status").toString();
    const QJsonObject loadDetails = load.value(u"details").toObject();
    if (verdict.configLoad == u"fail")
        verdict.loadError = loadDetails.value(u"error").toString();
    const QJsonValue warnings = loadDetails.value(u"startup warning");
    const QJsonArray warningList = warnings.isArray() ? warnings.toArray() : QJsonArray{warnings};
    for (const QJsonValue &warning : warningList) {
        if (warning.toString().isEmpty())
            continue;
        ++verdict.warningCount;
        verdict.warningKeys += keysNamedIn(warning.toString());
    }
    verdict.warningKeys.sort();
    if (verdict.configLoad.isEmpty() && error->isEmpty())
        *error = QStringLiteral("codex doctor --json printed no config.load check");
    if (verdict.configLoad != u"fail") {
        const QJsonObject details = checks.value(u"sandbox.helpers").toObject().value(u"details").toObject();
        verdict.approval = doctorApproval(details.value(u"approval policy").toString());
        verdict.filesystem = details.value(u"filesystem sandbox").toString();
        verdict.network = details.value(u"network sandbox").toString();
    }
    QStringList arguments;
    if (!codexCase.profile.isEmpty())
        arguments << QStringLiteral("-p") << codexCase.profile;
    arguments << QStringLiteral("debug") << QStringLiteral("prompt-input");
    const QString prompt = QString::fromUtf8(runOracle(codexBinary, codexCase, arguments, error));
    static const QRegularExpression mode(QStringLiteral("`sandbox_mode` is `([a-z-]+)`"));
    static const QRegularExpression network(QStringLiteral("Network access is (\\w+)"));
    const QRegularExpressionMatch modeMatch = mode.match(prompt);
    if (modeMatch.hasMatch()) {
        verdict.sandboxMode = modeMatch.captured(1);
        verdict.promptNetwork = network.match(prompt).captured(1);
        verdict.promptNever = prompt.contains(QStringLiteral("Approval policy is currently never"));
    }
    return verdict;
}

} // namespace Posture::Tests

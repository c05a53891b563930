// SPDX-License-Identifier: Apache-2.0
// Rules on files: commands Codex runs that live where others can change them, and configuration or credential files
// that others can read or change.
#include "core/config/configbackups.h"
#include "core/rules/rulecontext.h"
#include "core/surfaces/inventory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Posture::Core::Rules {

namespace {

// Why a program at this path can be changed by someone other than the user, or by the sandboxed agent itself.
QString changeableBecause(const QString &program, const ProjectTrust &trust)
{
    if (!QDir::isAbsolutePath(program))
        return {};
    const QFileInfo info(program);
    for (const QString &workspace : {trust.projectRoot, trust.cwd}) {
        if (isPathInside(QDir::cleanPath(program), QDir::cleanPath(workspace)))
            return QStringLiteral("it lies in the workspace %1, which sandboxed commands may write").arg(workspace);
    }
    if (info.exists() && (info.permissions() & QFileDevice::WriteOther))
        return QStringLiteral("anyone on the machine may write it");
    const QFileInfo directory(info.absolutePath());
    if (directory.exists() && (directory.permissions() & QFileDevice::WriteOther))
        return QStringLiteral("anyone on the machine may replace it in %1").arg(directory.absoluteFilePath());
    return {};
}

void checkCommand(Context &context, const KeyPath &path, const QString &program, const QString &what)
{
    const QString because = changeableBecause(program, context.inspection.trust);
    if (because.isEmpty())
        return;
    context.add(Rule::CommandInWritablePlace, keyPathToString(path), context.localSurfaces(), context.evidence(path),
        {.title = QStringLiteral("The %1 command can be changed by others").arg(what),
            .explanation = QStringLiteral(
                "Codex runs %1 outside the sandbox, and %2: whoever changes it (another user, or the agent "
                "itself from inside its sandbox) gets code run with the user's full rights.")
                .arg(program, because),
            .remediation =
                QStringLiteral("Keep the program in a folder only you can write, such as ~/.local/bin, and point the "
                               "setting there.")});
}

bool holdsSecret(const Context &context, const QString &file)
{
    const QList<PlaintextSecret> &secrets = context.plaintextSecrets();
    return std::any_of(secrets.cbegin(), secrets.cend(),
        [&](const PlaintextSecret &secret) { return context.inspection.config.location(secret.path).file == file; });
}

void checkFile(Context &context, const QString &path, bool credentials)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return;
    const QFile::Permissions permissions = info.permissions();
    const bool othersWrite = permissions & (QFileDevice::WriteGroup | QFileDevice::WriteOther);
    const bool othersRead = permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther);
    const QString mode = QStringLiteral("mode %1").arg(QString::number(int(permissions) & 0x777, 16).right(3));
    if (credentials) {
        if (othersRead || othersWrite)
            context.add(Rule::CredentialsExposed, path, context.localSurfaces(), Context::fact(path, mode),
                {.title = QStringLiteral("%1 is open to other users").arg(info.fileName()),
                    .explanation = QStringLiteral(
                        "This file holds the Codex login. Other users (or services running as them) can read it "
                        "and use the account, or replace it."),
                    .remediation = QStringLiteral("chmod 600 %1").arg(path)});
        return;
    }
    if (othersWrite) {
        context.add(Rule::ConfigWritableByOthers, path, context.localSurfaces(), Context::fact(path, mode),
            {.title = QStringLiteral("%1 can be changed by other users").arg(info.fileName()),
                .explanation = QStringLiteral(
                    "Whoever can write this file decides Codex's sandbox, approvals, MCP servers and hooks: "
                    "another user can turn the sandbox off or add a command Codex runs."),
                .remediation = QStringLiteral("chmod go-w %1").arg(path)});
    }
    // A plaintext secret in this file makes its readability a finding.
    if (othersRead && holdsSecret(context, path)) {
        context.add(Rule::SecretFileReadableByOthers, path, context.localSurfaces(), Context::fact(path, mode),
            {.title = QStringLiteral("%1 holds a secret and other users can read it").arg(info.fileName()),
                .explanation =
                    QStringLiteral("The file contains a token or key and is readable by other users of this machine."),
                .remediation = QStringLiteral(
                    "Move the secret out of the file (see the plaintext-secret finding), and chmod 600 %1.")
                    .arg(path)});
    }
}

// The backups guided fixes left next to the configuration that still hold a secret (a secret fix moves the token out
// of the file, not out of its backup): one finding per configuration file, naming every such backup.
void backupRules(Context &context)
{
    QMap<QString, QList<ConfigBackups::Backup>> byFile;
    for (const ConfigBackups::Backup &backup : ConfigBackups::besides(context.inspection.layers)) {
        if (backup.holdsSecret)
            byFile[backup.of].append(backup);
    }
    for (auto it = byFile.cbegin(); it != byFile.cend(); ++it) {
        QStringList paths;
        bool othersRead = false;
        for (const ConfigBackups::Backup &backup : it.value()) {
            paths.append(backup.path);
            othersRead = othersRead || backup.readableByOthers;
        }
        context.add(Rule::SecretInBackup, it.key(), context.localSurfaces(),
            Context::fact(it.key(), paths.join(QStringLiteral(", "))),
            {.title = paths.size() == 1 ? QStringLiteral("A backup of %1 still holds a secret taken out of it")
                                              .arg(QFileInfo(it.key()).fileName())
                                        : QStringLiteral("%1 backups of %2 still hold a secret taken out of it")
                                              .arg(paths.size())
                                              .arg(QFileInfo(it.key()).fileName()),
                .explanation =
                    QStringLiteral("codex-posture keeps the bytes from before each fix next to the file: %1. "
                                   "They hold a token or key in plain text%2, for backups, dotfile "
                                   "repositories and any program running as the user to copy.")
                        .arg(paths.join(QStringLiteral(", ")),
                            othersRead ? QStringLiteral(", and other users can read them") : QString()),
                .remediation =
                    QStringLiteral("Rotate the secret, then remove the backups: codex-posture "
                                   "--remove-backups --yes (or Finding > Remove Backups... in the window).")},
            othersRead ? Severity::Medium : Severity::Low);
    }
}

// Codex 0.171.0 reads exec-policy rules from `rules/*.rules` beside the system, user and trusted project layers (not
// below it, names case-sensitive, symlinks skipped: checked with the real CLI, docs/research/execpolicy-0.171.0.md).
// Their decisions are not evaluated here yet: the finding says that they exist and are not part of the posture.
void execPolicyFiles(Context &context)
{
    QStringList seen;
    for (const ConfigLayer &layer : context.inspection.layers) {
        const bool read = layer.kind == ConfigLayer::Kind::System || layer.kind == ConfigLayer::Kind::User
            || (layer.kind == ConfigLayer::Kind::Project && layer.enabled);
        const QString folder = QFileInfo(layer.document.path()).absolutePath() + QStringLiteral("/rules");
        if (!read || seen.contains(folder))
            continue;
        seen.append(folder);
        QStringList files;
        int rules = 0;
        const QDir::Filters filter = QDir::Files | QDir::Hidden | QDir::CaseSensitive;
        for (const QFileInfo &file : QDir(folder).entryInfoList({QStringLiteral("*.rules")}, filter, QDir::Name)) {
            if (file.isSymLink())
                continue;
            QFile text(file.filePath());
            if (text.open(QIODevice::ReadOnly))
                rules += int(text.readAll().count("prefix_rule("));
            files.append(file.fileName());
        }
        if (files.isEmpty())
            continue;
        context.add(Rule::ExecPolicyRulesUnjudged, folder, context.localSurfaces(),
            Context::fact(folder, files.join(QStringLiteral(", "))),
            {.title = QStringLiteral("Codex reads %1 exec-policy rule(s) in %2, not judged here yet")
                    .arg(rules)
                    .arg(QDir::toNativeSeparators(folder)),
                .explanation = QStringLiteral(
                    "Codex runs a command that an allow rule matches (allow is the default decision) without asking "
                    "and outside the sandbox; choosing \"always allow\" in Codex appends such rules to "
                    "default.rules. codex-posture does not evaluate these files yet, so the posture does not show "
                    "what they allow: read them (%1).")
                    .arg(files.join(QStringLiteral(", "))),
                .remediation = QString(info(Rule::ExecPolicyRulesUnjudged).remedy)},
            Severity::Info);
    }
}

} // namespace

void fileRules(Context &context)
{
    const InspectionFacts &inspection = context.inspection;
    const QStringList notify = Inventory::notifyCommand(inspection.config);
    if (!notify.isEmpty())
        checkCommand(context, {QStringLiteral("notify")}, notify.constFirst(), QStringLiteral("notify"));
    for (const QString &hook : Inventory::hookCommands(inspection.config)) {
        // "<event>: <command line>"; the program is the command line's first word.
        const QString event = hook.section(QStringLiteral(": "), 0, 0);
        const QString program = hook.section(QStringLiteral(": "), 1).trimmed().section(u' ', 0, 0);
        checkCommand(context, {QStringLiteral("hooks"), event}, program, QStringLiteral("%1 hook").arg(event));
    }
    for (const ConfigLayer &layer : inspection.layers) {
        if (layer.exists() && layer.kind != ConfigLayer::Kind::System && layer.kind != ConfigLayer::Kind::Requirements
            && layer.kind != ConfigLayer::Kind::Managed)
            checkFile(context, layer.document.path(), false);
    }
    backupRules(context);
    execPolicyFiles(context);
    const QString codexHome = inspection.locations.codexHome;
    checkFile(context, codexHome + QStringLiteral("/auth.json"), true);
    checkFile(context, codexHome + QStringLiteral("/.credentials.json"), true);
}

} // namespace Posture::Core::Rules

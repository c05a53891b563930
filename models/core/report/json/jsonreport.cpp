// SPDX-License-Identifier: Apache-2.0
#include "core/report/json/jsonreport.h"

#include "core/common/secrets.h"
#include "core/common/version.h"
#include "core/inspection.h"
#include "core/report/json/jsoncapabilities.h"
#include "core/report/json/jsonfindings.h"
#include "core/surfaces/inventory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Posture::Core {

namespace {

QJsonValue jsonValue(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QDate:
    case QMetaType::QTime:
    case QMetaType::QDateTime:
        return value.toString(); // TOML dates stay text in JSON
    default:
        return QJsonValue::fromVariant(value);
    }
}

void addLocation(QJsonObject &object, const ConfigLayers &layers, int layer, const SourceLocation &location)
{
    object.insert(QStringLiteral("layer"), layer >= 0 ? QJsonValue(layers.at(layer).label()) : QJsonValue());
    object.insert(QStringLiteral("file"), stringOrNull(location.file));
    object.insert(QStringLiteral("line"), location.line > 0 ? QJsonValue(location.line) : QJsonValue());
    object.insert(QStringLiteral("column"), location.column > 0 ? QJsonValue(location.column) : QJsonValue());
}

QJsonObject provenanceJson(const KeyPath &path, const Provenance &provenance, const ConfigLayers &layers)
{
    QJsonObject object{{QStringLiteral("key"), keyPathToString(path)}};
    const bool applied = provenance.winner.layer >= 0;
    object.insert(
        QStringLiteral("value"), applied ? jsonValue(Secrets::mask(path, provenance.winner.value)) : QJsonValue());
    addLocation(object, layers, provenance.winner.layer, provenance.winner.location);
    QJsonArray overridden;
    for (const ValueOrigin &origin : provenance.overridden) {
        QJsonObject entry{{QStringLiteral("value"), jsonValue(Secrets::mask(path, origin.value))}};
        addLocation(entry, layers, origin.layer, origin.location);
        overridden.append(entry);
    }
    object.insert(QStringLiteral("overridden"), overridden);
    QJsonArray ignored;
    for (const IgnoredValue &value : provenance.ignored) {
        QJsonObject entry{{QStringLiteral("reason"), value.reason}};
        addLocation(entry, layers, value.layer, value.location);
        ignored.append(entry);
    }
    object.insert(QStringLiteral("ignored"), ignored);
    return object;
}

QJsonObject cellProvenance(const PostureValue &cell, const Inspection &inspection)
{
    QJsonObject object{{QStringLiteral("decided_by"),
                           cell.decidedBy.isEmpty() ? QJsonValue() : QJsonValue(keyPathToString(cell.decidedBy))},
        {QStringLiteral("reason"), cell.reason}};
    if (cell.requiredBy.line > 0) {
        // An administrator's requirement replaced the configured value: point at the requirement.
        const ConfigLayer *layer = inspection.layerWithFile(cell.requiredBy.file);
        addLocation(
            object, inspection.layers, layer ? int(layer - inspection.layers.constData()) : -1, cell.requiredBy);
        return object;
    }
    const std::optional<Provenance> provenance =
        cell.decidedBy.isEmpty() ? std::nullopt : inspection.config.provenance(cell.decidedBy);
    if (provenance)
        addLocation(object, inspection.layers, provenance->winner.layer, provenance->winner.location);
    return object;
}

QJsonObject localSurface(const LocalPosture &posture, const Inspection &inspection, bool starts)
{
    const auto cell = [starts](const PostureValue &value) { return starts ? stringOrNull(value.value) : QJsonValue(); };
    QJsonObject surface{
        {QStringLiteral("approval_policy"), cell(posture.approvalPolicy)},
        {QStringLiteral("sandbox_mode"), cell(posture.sandboxMode)},
        {QStringLiteral("filesystem"), cell(posture.filesystem)},
        {QStringLiteral("network"), cell(posture.network)},
    };
    if (!starts)
        return surface;
    surface.insert(QStringLiteral("sandbox_system"), posture.sandboxSystemName());
    surface.insert(QStringLiteral("permission_profile"), stringOrNull(posture.permissionProfile));
    surface.insert(QStringLiteral("writable_roots"), QJsonArray::fromStringList(posture.writableRoots));
    surface.insert(QStringLiteral("network_domain_rules"),
        QJsonObject{{QStringLiteral("present"), posture.domainRules},
            {QStringLiteral("enforced"), posture.domainRules && posture.proxyEnabled}});
    surface.insert(QStringLiteral("network_proxy"), posture.proxyEnabled);
    surface.insert(QStringLiteral("provenance"),
        QJsonObject{{QStringLiteral("approval_policy"), cellProvenance(posture.approvalPolicy, inspection)},
            {QStringLiteral("sandbox_mode"), cellProvenance(posture.sandboxMode, inspection)},
            {QStringLiteral("filesystem"), cellProvenance(posture.filesystem, inspection)},
            {QStringLiteral("network"), cellProvenance(posture.network, inspection)}});
    return surface;
}

QJsonValue setting(const Inspection &inspection, const KeyPath &path)
{
    const QVariant value = inspection.config.value(path);
    return value.isValid() ? jsonValue(Secrets::mask(path, value)) : QJsonValue();
}

QJsonObject cliSurface(const Inspection &inspection)
{
    QJsonObject surface = localSurface(inspection.cli, inspection, inspection.codexStarts());
    surface.insert(QStringLiteral("enforced"), enforcementJson(inspection.cliEnforcement));
    surface.insert(QStringLiteral("profile"), stringOrNull(inspection.options.profile));
    surface.insert(QStringLiteral("approvals_reviewer"), setting(inspection, {QStringLiteral("approvals_reviewer")}));
    surface.insert(QStringLiteral("web_search"), setting(inspection, {QStringLiteral("web_search")}));
    surface.insert(
        QStringLiteral("shell_environment_policy"), setting(inspection, {QStringLiteral("shell_environment_policy")}));
    QJsonArray servers;
    for (const McpServer &server : Inventory::mcpServers(inspection.config)) {
        QJsonObject entry{{QStringLiteral("name"), server.name}, {QStringLiteral("transport"), server.transport},
            {QStringLiteral("command"), stringOrNull(server.command)},
            {QStringLiteral("args"), QJsonArray::fromStringList(server.args)},
            {QStringLiteral("url"), stringOrNull(server.url)},
            {QStringLiteral("env_names"), QJsonArray::fromStringList(server.envNames)},
            {QStringLiteral("bearer_token_env_var"), stringOrNull(server.bearerTokenEnvVar)},
            {QStringLiteral("enabled"), server.enabled}};
        if (server.provenance)
            addLocation(entry, inspection.layers, server.provenance->winner.layer, server.provenance->winner.location);
        servers.append(entry);
    }
    surface.insert(QStringLiteral("mcp_servers"), servers);
    surface.insert(QStringLiteral("hooks"), QJsonArray::fromStringList(Inventory::hookCommands(inspection.config)));
    surface.insert(QStringLiteral("notify"), QJsonArray::fromStringList(Inventory::notifyCommand(inspection.config)));
    QJsonArray trust;
    for (const TrustEntry &entry : Inventory::trustEntries(inspection.config)) {
        QJsonObject object{{QStringLiteral("path"), entry.path}, {QStringLiteral("trust_level"), entry.level}};
        if (entry.provenance)
            addLocation(object, inspection.layers, entry.provenance->winner.layer, entry.provenance->winner.location);
        trust.append(object);
    }
    surface.insert(QStringLiteral("projects"), trust);
    return surface;
}

QJsonArray messagesJson(const Diagnostics &messages);

QJsonObject ideSurface(const Inspection &inspection)
{
    QJsonObject surface = localSurface(inspection.ide, inspection, inspection.ideStarts());
    surface.insert(QStringLiteral("enforced"), enforcementJson(inspection.ideEnforcement));
    surface.insert(QStringLiteral("config_load"), loadStatusName(inspection.ideLoadStatus));
    surface.insert(QStringLiteral("same_layers_as_cli"), true);
    QJsonArray editors;
    for (const EditorSettings &editor : inspection.ideSurface.editors) {
        editors.append(QJsonObject{{QStringLiteral("editor"), editor.editor}, {QStringLiteral("path"), editor.path},
            {QStringLiteral("codex_settings"), QJsonObject::fromVariantMap(editor.codexSettings)},
            {QStringLiteral("cli_executable_overridden"),
                editor.codexSettings.contains(QStringLiteral("chatgpt.cliExecutable"))},
            {QStringLiteral("problem"), editor.problem ? QJsonValue(editor.problem->toString()) : QJsonValue()}});
    }
    surface.insert(QStringLiteral("editors"), editors);
    QJsonArray extensions;
    for (const IdeExtension &extension : inspection.ideSurface.extensions) {
        extensions.append(QJsonObject{{QStringLiteral("editor"), extension.editor},
            {QStringLiteral("directory"), extension.directory}, {QStringLiteral("version"), extension.version},
            {QStringLiteral("bundled_codex"), stringOrNull(extension.bundledCodex)}});
    }
    surface.insert(QStringLiteral("extensions"), extensions);
    // As documented (docs/reference/codex-config.md §6); the extension's mode is chosen in the editor, not in a file.
    surface.insert(QStringLiteral("modes"),
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Chat")},
                       {QStringLiteral("sandbox_mode"), QStringLiteral("read-only")},
                       {QStringLiteral("source"), QStringLiteral("documented")}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Agent")},
                {QStringLiteral("sandbox_mode"), QStringLiteral("workspace-write")},
                {QStringLiteral("approval_policy"), QStringLiteral("on-request")},
                {QStringLiteral("source"), QStringLiteral("documented")}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Agent (full access)")},
                {QStringLiteral("sandbox_mode"), QStringLiteral("danger-full-access")},
                {QStringLiteral("approval_policy"), QStringLiteral("never")},
                {QStringLiteral("network"), QStringLiteral("enabled")},
                {QStringLiteral("source"), QStringLiteral("documented")}}});
    return surface;
}

QJsonObject cloudSurface(const CloudSurface &cloud)
{
    QJsonArray environments;
    for (const CloudEnvironment &environment : cloud.environments) {
        environments.append(QJsonObject{{QStringLiteral("name"), environment.name},
            {QStringLiteral("agent_internet"), environment.agentInternet},
            {QStringLiteral("allowlist"), environment.allowlist},
            {QStringLiteral("extra_domains"), QJsonArray::fromStringList(environment.extraDomains)},
            {QStringLiteral("http_methods"), environment.httpMethods},
            {QStringLiteral("network"), environment.network()}});
    }
    return QJsonObject{{QStringLiteral("source"), cloud.source}, {QStringLiteral("observed"), false},
        {QStringLiteral("file"), stringOrNull(cloud.file)}, {QStringLiteral("environments"), environments},
        {QStringLiteral("setup_phase_internet"), QStringLiteral("enabled")},
        {QStringLiteral("secrets"), QStringLiteral("setup scripts only")},
        {QStringLiteral("messages"), messagesJson(cloud.messages)}};
}

QJsonArray versionsJson(const QList<CodexBinary> &binaries)
{
    QJsonArray array;
    for (const CodexBinary &binary : binaries) {
        array.append(QJsonObject{{QStringLiteral("path"), binary.path}, {QStringLiteral("source"), binary.source},
            {QStringLiteral("version"), stringOrNull(binary.version)},
            {QStringLiteral("error"), stringOrNull(binary.error)}});
    }
    return array;
}

QJsonObject rulesChoiceJson(const JudgingRelease &rules)
{
    return {{QStringLiteral("release"), rules.release}, {QStringLiteral("installed"), stringOrNull(rules.installed)},
        {QStringLiteral("source"), rules.source}, {QStringLiteral("fit"), rules.fitName()},
        {QStringLiteral("text"), rules.describe()}};
}

// Whose rules judged each surface, and every release codex-posture knows.
QJsonObject rulesJson(const Inspection &inspection)
{
    return {{QStringLiteral("cli"), rulesChoiceJson(inspection.cliRelease)},
        {QStringLiteral("ide"), rulesChoiceJson(inspection.ideRelease)},
        {QStringLiteral("known"), QJsonArray::fromStringList(CodexReleases::known().versions())}};
}

QJsonArray messagesJson(const Diagnostics &messages)
{
    QJsonArray array;
    for (const Diagnostic &message : messages) {
        array.append(QJsonObject{{QStringLiteral("severity"), severityWord(message.severity)},
            {QStringLiteral("file"), stringOrNull(message.location.file)},
            {QStringLiteral("line"), message.location.line > 0 ? QJsonValue(message.location.line) : QJsonValue()},
            {QStringLiteral("column"),
                message.location.column > 0 ? QJsonValue(message.location.column) : QJsonValue()},
            {QStringLiteral("text"), Secrets::maskText(message.text)},
            {QStringLiteral("hint"), stringOrNull(message.hint)}});
    }
    return array;
}

QJsonArray layersJson(const ConfigLayers &layers)
{
    QJsonArray array;
    for (const ConfigLayer &layer : layers) {
        static constexpr const char *statusNames[] = {"missing", "unreadable", "parse-error", "parsed"};
        array.append(QJsonObject{{QStringLiteral("kind"), layer.kindName()}, {QStringLiteral("label"), layer.label()},
            {QStringLiteral("path"), layer.document.path()},
            {QStringLiteral("status"), QLatin1StringView(statusNames[int(layer.document.status())])},
            {QStringLiteral("enabled"), layer.enabled},
            {QStringLiteral("disabled_reason"), stringOrNull(layer.disabledReason)}});
    }
    return array;
}

QJsonArray effectiveJson(const Inspection &inspection)
{
    QList<KeyPath> paths = inspection.config.keyPaths();
    std::sort(paths.begin(), paths.end());
    QJsonArray array;
    for (const KeyPath &path : std::as_const(paths))
        array.append(provenanceJson(path, *inspection.config.provenance(path), inspection.layers));
    return array;
}

} // namespace

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QByteArray renderJsonReport(const Inspection &inspection, const QDateTime &generatedAt)
{
    const ProjectTrust &trust = inspection.trust;
    QJsonObject project{{QStringLiteral("cwd"), trust.cwd}, {QStringLiteral("root"), trust.projectRoot},
        {QStringLiteral("git_root"), stringOrNull(trust.gitRoot)},
        {QStringLiteral("trust"), ProjectTrust::levelName(trust.level)},
        {QStringLiteral("trust_entry"), stringOrNull(trust.decision.entry)}};
    QJsonObject document{
        {QStringLiteral("schema"), QLatin1StringView(JsonReportSchema)},
        {QStringLiteral("tool"),
            QJsonObject{
                {QStringLiteral("name"), QStringLiteral("codex-posture")}, {QStringLiteral("version"), toolVersion()}}},
        {QStringLiteral("generated_at"), generatedAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("inputs"),
            QJsonObject{{QStringLiteral("codex_home"), inspection.locations.codexHome},
                {QStringLiteral("codex_home_source"), inspection.locations.sourceDescription()},
                {QStringLiteral("cwd"), trust.cwd},
                {QStringLiteral("profile"), stringOrNull(inspection.options.profile)},
                {QStringLiteral("system_root"), stringOrNull(inspection.options.systemRoot)}}},
        {QStringLiteral("codex"),
            QJsonObject{{QStringLiteral("config_load"), loadStatusName(inspection.loadStatus)},
                {QStringLiteral("messages"), messagesJson(inspection.messages)},
                {QStringLiteral("versions"), versionsJson(inspection.binaries)},
                {QStringLiteral("rules"), rulesJson(inspection)}}},
        {QStringLiteral("layers"), layersJson(inspection.layers)},
        {QStringLiteral("project"), project},
        {QStringLiteral("surfaces"),
            QJsonObject{{QStringLiteral("cli"), cliSurface(inspection)},
                {QStringLiteral("ide"), ideSurface(inspection)},
                {QStringLiteral("cloud"), cloudSurface(inspection.cloud)}}},
        {QStringLiteral("effective"), effectiveJson(inspection)},
        {QStringLiteral("capabilities"), capabilitiesJson(inspection.sandbox)},
    };
    const QJsonObject findings = findingsJson(inspection);
    for (auto it = findings.begin(); it != findings.end(); ++it)
        document.insert(it.key(), it.value());
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
#include "core/fixes/fixes.h"

#include "core/common/secrets.h"
#include "core/config/tomleditor.h"
#include "core/fixes/fixapplier.h"
#include "core/fixes/fixsafety.h"
#include "core/rules/catalogue.h"
#include "core/rules/rulecontext.h"
#include "core/surfaces/inspectionfacts.h"

#include <QCryptographicHash>

namespace Posture::Core::Fixes {

namespace {

using Kind = FixOperation::Kind;

// The file a fix of `path` must edit: the layer whose value Codex applies, when the user may edit it. A value from
// the system config is overridden in the user's own file; managed values and requirements are refused.
struct Target
{
    QString file;
    QString layer;
    QString refusal;
    std::shared_ptr<const TomlTree> parsed; // the inspection's parse of file
};

Target targetFor(const InspectionFacts &inspection, const KeyPath &path, const PostureValue *cell = nullptr)
{
    const auto user = [&inspection] {
        return Target{inspection.userConfig().path(), QStringLiteral("user"), {}, inspection.userConfig().tree()};
    };
    if (cell && cell->requiredBy.line > 0)
        return {{}, {},
            QStringLiteral("the administrator's requirements (%1) decide this value; a change in your "
                           "files would not take effect. Ask whoever manages that file.")
                .arg(cell->requiredBy.toShortString())};
    const std::optional<Provenance> provenance = inspection.config.provenance(path);
    if (!provenance || provenance->winner.layer < 0)
        return user();
    const ConfigLayer &layer = inspection.layers.at(provenance->winner.layer);
    switch (layer.kind) {
    case ConfigLayer::Kind::User:
    case ConfigLayer::Kind::Profile:
    case ConfigLayer::Kind::Project:
        return {layer.document.path(), layer.kindName(), {}, layer.document.tree()};
    case ConfigLayer::Kind::System:
        return user(); // the user's file overrides the system's
    case ConfigLayer::Kind::Managed:
    case ConfigLayer::Kind::Requirements:
        return {{}, {},
            QStringLiteral("the managed configuration (%1) sets this value above every file you can edit; "
                           "change it there, or ask whoever manages it.")
                .arg(provenance->winner.location.toShortString())};
    }
    Q_UNREACHABLE_RETURN(Target());
}

// "fix:<finding id>" while that id is a rule and a key ("fix:approval-never:approval_policy"); a subject with a path
// in it (a trusted folder, a file) gives 8 hex digits of its SHA-1 instead, so the id stays short to type and the
// same on every run of this machine.
QString fixIdFor(const Finding &finding)
{
    const QString subject = finding.id.mid(finding.ruleId.size() + 1);
    if (subject.isEmpty() || !(subject.contains(u'/') || subject.contains(u'\\') || subject.contains(u'#')))
        return QStringLiteral("fix:") + finding.id;
    const QByteArray digest = QCryptographicHash::hash(subject.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    return QStringLiteral("fix:%1:%2").arg(finding.ruleId, QLatin1StringView(digest));
}

Fix make(const Finding &finding, const Target &target, const QString &title, const QList<FixOperation> &operations,
    const QString &note = {})
{
    return {fixIdFor(finding), finding.id, title, target.file, target.layer, operations, note, target.refusal,
        target.parsed};
}

// What a move would open; empty when nothing (the same check plan() makes, asked before choosing the fix).
QStringList wideningsOf(const InspectionFacts &inspection, const Fix &fix)
{
    const FixPreview preview = FixApplier::preview(fix);
    return preview.changes() ? FixSafety::widenedBy(inspection, fix.file, preview.after) : QStringList();
}

// Where the sandbox is decided, and the operation that brings it back.
std::optional<FixOperation> sandboxOperation(const PostureValue &cell)
{
    if (cell.decidedBy == KeyPath{QStringLiteral("sandbox_mode")})
        return FixOperation{Kind::Set, cell.decidedBy, postureName(SandboxMode::WorkspaceWrite)};
    if (cell.decidedBy == KeyPath{QStringLiteral("default_permissions")})
        return FixOperation{Kind::Set, cell.decidedBy, QStringLiteral(":workspace")};
    return std::nullopt;
}

QString environmentName(const QString &provider)
{
    QString name = provider.toUpper();
    for (QChar &c : name) {
        if (!c.isLetterOrNumber())
            c = u'_';
    }
    return name + QStringLiteral("_API_KEY");
}

using RiskRules::FixKind;
using RiskRules::isRule;
using RiskRules::Rule;

// The posture of the surface a finding concerns (the CLI's when it concerns both).
const LocalPosture &postureOf(const InspectionFacts &inspection, const Finding &finding)
{
    return (finding.surfaces & Surface::Cli) ? inspection.cli : inspection.ide;
}

std::optional<Fix> restoreSandbox(const InspectionFacts &inspection, const Finding &finding)
{
    const LocalPosture &posture = postureOf(inspection, finding);
    const std::optional<FixOperation> sandbox = sandboxOperation(posture.sandboxMode);
    if (!sandbox)
        return std::nullopt;
    const Target target = targetFor(inspection, sandbox->path, &posture.sandboxMode);
    QList<FixOperation> operations{*sandbox};
    QString title = QStringLiteral("Set %1 = \"%2\"").arg(keyPathToString(sandbox->path), sandbox->value.toString());
    // Unattended: the approval too, when it is decided in the same file.
    if (isRule(finding, Rule::UnattendedFullAccess) && !posture.approvalPolicy.decidedBy.isEmpty()
        && targetFor(inspection, posture.approvalPolicy.decidedBy, &posture.approvalPolicy).file == target.file) {
        operations.append({Kind::Set, posture.approvalPolicy.decidedBy, postureName(ApprovalPolicy::OnRequest)});
        title += QStringLiteral(" and approval_policy = \"on-request\"");
    }
    return make(finding, target, title, operations);
}

std::optional<Fix> approvalOnRequest(const InspectionFacts &inspection, const Finding &finding)
{
    const KeyPath path{QStringLiteral("approval_policy")};
    const bool refused = isRule(finding, Rule::CodexRefusesConfig);
    // Of the values Codex refuses, only the retired "untrusted" has this fix.
    if (refused && inspection.config.value(path) != QVariant(QStringLiteral("untrusted")))
        return std::nullopt;
    const LocalPosture &posture = postureOf(inspection, finding);
    Target target =
        targetFor(inspection, path, isRule(finding, Rule::ApprovalNever) ? &posture.approvalPolicy : nullptr);
    // A retired value stops Codex at the merged config: fix it where it is written.
    if (refused && !finding.evidence.file.isEmpty()) {
        const ConfigLayer *layer = inspection.layerWithFile(finding.evidence.file);
        target = {finding.evidence.file, layer ? layer->kindName() : QString(), {}};
    }
    const QString retired = refused
        ? QStringLiteral("Codex 0.171.0 refuses \"untrusted\" (retired in 0.149.0). \"on-request\" is the strictest "
                         "policy it accepts for every folder: commands run in the sandbox without asking and anything "
                         "beyond it asks first, where \"untrusted\" asked before every command that is not known to be "
                         "safe. To keep that for a project, mark it [projects.\"<path>\"] trust_level = \"untrusted\".")
        : QString();
    return make(finding, target, QStringLiteral("Set approval_policy = \"on-request\""),
        {{Kind::Set, path, postureName(ApprovalPolicy::OnRequest)}}, retired);
}

std::optional<Fix> networkOff(const InspectionFacts &inspection, const Finding &finding)
{
    const LocalPosture &posture = postureOf(inspection, finding);
    const KeyPath &decided = posture.network.decidedBy;
    KeyPath path;
    if (decided == KeyPath{QStringLiteral("sandbox_workspace_write"), QStringLiteral("network_access")})
        path = decided;
    else if (!posture.permissionProfile.isEmpty() && !posture.permissionProfile.startsWith(u':'))
        path = {QStringLiteral("permissions"), posture.permissionProfile, QStringLiteral("network"),
            QStringLiteral("enabled")};
    if (path.isEmpty())
        return std::nullopt;
    return make(finding, targetFor(inspection, path, &posture.network),
        QStringLiteral("Set %1 = false").arg(keyPathToString(path)), {{Kind::Set, path, false}});
}

std::optional<Fix> removeTrust(const InspectionFacts &inspection, const Finding &finding)
{
    const KeyPath path = finding.evidence.path;
    return make(finding, targetFor(inspection, path),
        QStringLiteral("Remove the trust entry for %1").arg(path.value(1)), {{Kind::Remove, path, {}}},
        QStringLiteral("Trust each project you work in instead: Codex asks when you start it there."));
}

std::optional<Fix> secretToEnvironment(const InspectionFacts &inspection, const Finding &finding)
{
    const KeyPath path = finding.evidence.path;
    const Target target = targetFor(inspection, path);
    if (path.size() == 3 && path.at(0) == u"model_providers" && path.at(2) == u"experimental_bearer_token") {
        const QString variable = environmentName(path.at(1));
        return make(finding, target, QStringLiteral("Replace the token by env_key = \"%1\"").arg(variable),
            {{Kind::Remove, path, {}}, {Kind::Set, {path.at(0), path.at(1), QStringLiteral("env_key")}, variable}},
            QStringLiteral("Set the environment variable %1 to the token (in your shell profile or keyring), and "
                           "rotate the token: it was in a file.")
                .arg(variable));
    }
    if (path.size() == 4 && path.at(0) == u"mcp_servers" && path.at(2) == u"env") {
        QStringList names =
            inspection.config.value({path.at(0), path.at(1), QStringLiteral("env_vars")}).toStringList();
        if (!names.contains(path.at(3)))
            names.append(path.at(3));
        return make(finding, target,
            QStringLiteral("Pass %1 from the environment instead of writing it").arg(path.at(3)),
            {{Kind::Remove, path, {}}, {Kind::Set, {path.at(0), path.at(1), QStringLiteral("env_vars")}, names}},
            QStringLiteral("Set the environment variable %1 before starting Codex, and rotate the token: it was "
                           "in a file.")
                .arg(path.at(3)));
    }
    return std::nullopt;
}

// A value as the key at its home takes it, or nothing: network_access is a boolean ("restricted" means false, and a
// word for "on" is only ever turned into true for the widening check to refuse), writable_roots a list of paths, the
// other homes strings.
QVariant typedForHome(const KeyPath &home, const QVariant &value)
{
    if (home.constLast() == u"network_access") {
        if (value.typeId() == QMetaType::Bool)
            return value;
        static const QStringList off{QStringLiteral("restricted"), QStringLiteral("off"), QStringLiteral("false"),
            QStringLiteral("no"), QStringLiteral("disabled"), QStringLiteral("none")};
        static const QStringList on{QStringLiteral("enabled"), QStringLiteral("on"), QStringLiteral("true"),
            QStringLiteral("yes"), QStringLiteral("full")};
        const QString word = value.toString().toLower();
        if (value.typeId() == QMetaType::QString && off.contains(word))
            return false;
        if (value.typeId() == QMetaType::QString && on.contains(word))
            return true;
        return {};
    }
    if (home.constLast() == u"writable_roots") {
        if (value.typeId() == QMetaType::QString)
            return QStringList{value.toString()};
        return value.typeId() == QMetaType::QVariantList ? value : QVariant();
    }
    return value.typeId() == QMetaType::QString ? value : QVariant();
}

// A security key Codex ignores where it is written: moved where Codex reads it, with a value of the type it takes,
// when that opens nothing; otherwise removed, because the ignored line misleads whoever reads the file.
std::optional<Fix> moveMisplacedKey(const InspectionFacts &inspection, const Finding &finding)
{
    const KeyPath path = finding.evidence.path;
    if (path.isEmpty() || finding.evidence.file.isEmpty())
        return std::nullopt;
    // A key in the wrong table moves to the top level; a misspelt one is written as Codex knows it.
    QString meant = Rules::meantSecurityKey(path.constLast());
    if (meant.isEmpty())
        meant = path.constLast();
    const KeyPath destination = Rules::securityKeyHome(meant);
    if (destination.isEmpty())
        return std::nullopt;
    const ConfigLayer *layer = inspection.layerWithFile(finding.evidence.file);
    if (!layer)
        return std::nullopt;
    const Target target{finding.evidence.file, layer->kindName(), {}};
    const QVariant written = layer->document.value(path);
    const QVariant value = typedForHome(destination, written);
    const bool destinationFree = !layer->document.value(destination).isValid();
    QString why;
    if (!destinationFree) {
        why = QStringLiteral("`%1` is already set in this file").arg(keyPathToString(destination));
    } else if (!value.isValid()) {
        why = QStringLiteral("%1 is not a value `%2` takes").arg(tomlValueText(written), keyPathToString(destination));
    } else {
        const Fix move = make(finding, target,
            QStringLiteral("Move %1 to %2").arg(keyPathToString(path), keyPathToString(destination))
                + (value == written ? QString()
                                    : QStringLiteral(" as %1").arg(tomlValueText(Secrets::mask(destination, value)))),
            {{Kind::Remove, path, {}}, {Kind::Set, destination, value}});
        const QStringList widened = wideningsOf(inspection, move);
        if (widened.isEmpty())
            return move;
        why = QStringLiteral("moving it would make the posture more open (%1)").arg(widened.join(QStringLiteral("; ")));
    }
    return make(finding, target,
        QStringLiteral("Remove the ignored %1 = %2")
            .arg(keyPathToString(path), tomlValueText(Secrets::mask(path, written))),
        {{Kind::Remove, path, {}}},
        QStringLiteral("Codex ignores this line, so removing it changes nothing Codex does; it is not moved to `%1` "
                       "because %2. If you mean it, write `%1` by hand.")
            .arg(keyPathToString(destination), why));
}

Fix setKey(const InspectionFacts &inspection, const Finding &finding, const KeyPath &path, const QVariant &value)
{
    const QString text = value.typeId() == QMetaType::Bool
        ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
        : u'"' + value.toString() + u'"';
    return make(finding, targetFor(inspection, path), QStringLiteral("Set %1 = %2").arg(keyPathToString(path), text),
        {{Kind::Set, path, value}});
}

// The fix of a finding, by the kind its rule's catalogue entry names.
std::optional<Fix> fixFor(const InspectionFacts &inspection, const Finding &finding)
{
    const RiskRules::RuleInfo *rule = RiskRules::find(finding.ruleId);
    switch (rule ? rule->fix : FixKind::None) {
    case FixKind::None:
        return std::nullopt;
    case FixKind::RestoreSandbox:
        return restoreSandbox(inspection, finding);
    case FixKind::ApprovalOnRequest:
        return approvalOnRequest(inspection, finding);
    case FixKind::NetworkOff:
        return networkOff(inspection, finding);
    case FixKind::RemoveTrust:
        return removeTrust(inspection, finding);
    case FixKind::SecretToEnvironment:
        return secretToEnvironment(inspection, finding);
    case FixKind::MoveMisplacedKey:
        return moveMisplacedKey(inspection, finding);
    case FixKind::KeepDefaultExcludes:
        return setKey(inspection, finding,
            {QStringLiteral("shell_environment_policy"), QStringLiteral("ignore_default_excludes")}, false);
    case FixKind::CachedWebSearch:
        return setKey(inspection, finding, {QStringLiteral("web_search")}, QStringLiteral("cached"));
    case FixKind::DangerousSettingOff:
        return setKey(inspection, finding, finding.evidence.path, false);
    case FixKind::ShowFullAccessWarning: {
        const KeyPath path{QStringLiteral("notice"), QStringLiteral("hide_full_access_warning")};
        return make(finding, targetFor(inspection, path), QStringLiteral("Remove notice.hide_full_access_warning"),
            {{Kind::Remove, path, {}}});
    }
    }
    Q_UNREACHABLE_RETURN(std::nullopt);
}

// A fix must never make the posture more open: the configuration is evaluated again on the bytes the fix would write,
// and a fix after which any dimension is more open is refused, saying what it would open.
void refuseIfWidening(const InspectionFacts &inspection, Fix &fix)
{
    const QStringList widened = wideningsOf(inspection, fix);
    if (!widened.isEmpty())
        fix.refusal = QStringLiteral("this change would make the posture more open (%1), so it is not offered; "
                                     "change the file by hand if that is what you mean.")
                          .arg(widened.join(QStringLiteral("; ")));
}

} // namespace

QList<Fix> plan(const InspectionFacts &inspection, Findings &findings)
{
    QList<Fix> fixes;
    for (Finding &finding : findings) {
        std::optional<Fix> fix = fixFor(inspection, finding);
        if (!fix)
            continue;
        if (fix->applicable())
            refuseIfWidening(inspection, *fix);
        finding.fixId = fix->id;
        fixes.append(*fix);
    }
    return fixes;
}

} // namespace Posture::Core::Fixes

// SPDX-License-Identifier: Apache-2.0
#include "core/report/whocanact.h"

#include "core/inspection.h"
#include "core/rules/catalogue.h"

#include <QDir>

namespace Posture::Core {

namespace {

using Actor = WhoCanAct::Actor;
using RiskRules::Rule;

// The machine's sandbox: its remedies say whether they need root (each command that does starts with sudo).
WhoCanAct sandboxActor(const Inspection &inspection)
{
    const Enforcement &enforcement =
        inspection.cliEnforcement.remedies.isEmpty() ? inspection.ideEnforcement : inspection.cliEnforcement;
    const bool root = std::any_of(enforcement.remedies.cbegin(), enforcement.remedies.cend(),
        [](const Remedy &remedy) { return remedy.commands.contains(QLatin1StringView("sudo ")); });
    if (root)
        return {Actor::Administrator,
            QStringLiteral(
                "Needs an administrator: the remedies change machine settings as root (see the Sandbox tab).")};
    return {Actor::You, QStringLiteral("You can: the remedies in the Sandbox tab need no administrator.")};
}

} // namespace

QString WhoCanAct::word() const
{
    switch (actor) {
    case Actor::GuidedFix:
        return QStringLiteral("one-click fix");
    case Actor::You:
        return QStringLiteral("you");
    case Actor::Administrator:
        return QStringLiteral("needs an administrator");
    case Actor::Organisation:
        return QStringLiteral("managed by your organisation");
    case Actor::CloudSettings:
        return QStringLiteral("Codex cloud setting");
    }
    Q_UNREACHABLE();
}

WhoCanAct whoCanAct(const Finding &finding, const Inspection &inspection)
{
    const QString file = QDir::toNativeSeparators(finding.evidence.file);
    if (finding.surfaces == Surfaces(Surface::Cloud))
        return {Actor::CloudSettings,
            QStringLiteral("A setting of the cloud environment: change it in Codex on the web (Settings → "
                           "Environments), then update the declared file %1.")
                .arg(file)};
    const ConfigLayer *layer = inspection.layerWithFile(finding.evidence.file);
    using Kind = ConfigLayer::Kind;
    if (RiskRules::isRule(finding, Rule::RequirementOverrides)
        || (layer && (layer->kind == Kind::Managed || layer->kind == Kind::Requirements)))
        return {Actor::Organisation,
            QStringLiteral("Managed by your organisation: %1 is set by whoever manages this machine; ask them.")
                .arg(layer ? file : QStringLiteral("the requirement"))};
    if (const Fix *fix = inspection.fixWithId(finding.fixId); fix && fix->applicable()) {
        if (!inspection.options.systemRoot.isEmpty()) // a copied machine: nothing is written to it
            return {Actor::GuidedFix,
                QStringLiteral("One-click fix on the machine itself (this is a copy, nothing is written here): %1 in "
                               "%2, with codex-posture --fix %3 there.")
                    .arg(fix->title, QDir::toNativeSeparators(fix->file), fix->id)};
        return {Actor::GuidedFix,
            QStringLiteral("One-click fix: %1 in %2 (Fix… previews it; codex-posture --fix %3 applies it).")
                .arg(fix->title, QDir::toNativeSeparators(fix->file), fix->id)};
    }
    if (layer && layer->kind == Kind::System)
        return {Actor::Administrator, QStringLiteral("Needs an administrator: %1 is a system file.").arg(file)};
    if (RiskRules::isRule(finding, Rule::SandboxNotEnforced)
        || RiskRules::isRule(finding, Rule::SandboxEnforcementUnknown))
        return sandboxActor(inspection);
    if (const Fix *fix = inspection.fixWithId(finding.fixId)) {
        // A refused fix with no file to write: a managed value or a requirement decides (fixes.cpp, targetFor).
        if (fix->file.isEmpty())
            return {Actor::Organisation, QStringLiteral("Managed by your organisation: %1").arg(fix->refusal)};
        return {Actor::You, QStringLiteral("You, by hand: no one-click fix, because %1").arg(fix->refusal)};
    }
    if (file.isEmpty())
        return {Actor::You, QStringLiteral("You, by hand: see what to do.")};
    return {Actor::You, QStringLiteral("You, by hand, in %1: see what to do.").arg(file)};
}

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
#include "core/config/requirements.h"

namespace Posture::Core {

Requirements Requirements::from(const ConfigLayers &layers)
{
    Requirements requirements;
    for (const ConfigLayer &layer : layers) {
        if (layer.document.status() != ConfigDocument::Status::Parsed)
            continue;
        const ConfigDocument &document = layer.document;
        if (layer.kind == ConfigLayer::Kind::Requirements) {
            const KeyPath approval{QStringLiteral("allowed_approval_policies")};
            const KeyPath sandbox{QStringLiteral("allowed_sandbox_modes")};
            if (document.value(approval).isValid()) {
                requirements.allowedApprovalPolicies = document.value(approval).toStringList();
                requirements.approvalSource = document.location(approval);
            }
            if (document.value(sandbox).isValid()) {
                requirements.allowedSandboxModes = document.value(sandbox).toStringList();
                requirements.sandboxSource = document.location(sandbox);
                if (!requirements.allowedSandboxModes.contains(QStringLiteral("read-only"))) {
                    requirements.diagnostics.append({DiagnosticSeverity::Error, requirements.sandboxSource,
                        QStringLiteral("allowed_sandbox_modes must include \"read-only\""),
                        QStringLiteral("Codex refuses to start. Add \"read-only\" to the list in requirements.toml.")});
                }
            }
        } else if (layer.kind == ConfigLayer::Kind::Managed) {
            const KeyPath approval{QStringLiteral("approval_policy")};
            const KeyPath sandbox{QStringLiteral("sandbox_mode")};
            if (document.value(approval).typeId() == QMetaType::QString) {
                requirements.allowedApprovalPolicies = {document.value(approval).toString()};
                requirements.approvalSource = document.location(approval);
            }
            if (document.value(sandbox).typeId() == QMetaType::QString) {
                requirements.allowedSandboxModes = {document.value(sandbox).toString()};
                if (!requirements.allowedSandboxModes.contains(QStringLiteral("read-only")))
                    requirements.allowedSandboxModes.append(QStringLiteral("read-only")); // always added
                requirements.sandboxSource = document.location(sandbox);
            }
        }
    }
    return requirements;
}

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
#include "core/report/layerstatus.h"

namespace Posture::Core {

QString layerStatus(const ConfigLayer &layer)
{
    if (!layer.enabled)
        return QStringLiteral("ignored: ") + layer.disabledReason;
    switch (layer.document.status()) {
    case ConfigDocument::Status::Missing:
        return QStringLiteral("not found");
    case ConfigDocument::Status::Unreadable:
        return QStringLiteral("cannot be read");
    case ConfigDocument::Status::ParseError:
        return QStringLiteral("not valid TOML");
    case ConfigDocument::Status::Parsed:
        return QStringLiteral("read: %1 values").arg(layer.document.valueCount());
    }
    Q_UNREACHABLE_RETURN(QString());
}

RiskLevel layerRisk(const ConfigLayer &layer)
{
    if (!layer.enabled)
        return RiskLevel::Info;
    switch (layer.document.status()) {
    case ConfigDocument::Status::Missing:
        return RiskLevel::Info;
    case ConfigDocument::Status::Unreadable:
    case ConfigDocument::Status::ParseError:
        return RiskLevel::Medium;
    case ConfigDocument::Status::Parsed:
        return RiskLevel::Ok;
    }
    Q_UNREACHABLE_RETURN(RiskLevel::Unknown);
}

} // namespace Posture::Core

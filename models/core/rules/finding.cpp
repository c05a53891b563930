// SPDX-License-Identifier: Apache-2.0
#include "core/rules/finding.h"

#include "core/common/risklevel.h"

namespace Posture::Core {

namespace {

constexpr const char *SeverityNames[] = {"info", "low", "medium", "high", "critical"};

} // namespace

QString severityName(Severity severity)
{
    return QLatin1StringView(SeverityNames[int(severity)]);
}

QString severityIconName(Severity severity)
{
    return riskIconName(riskOf(severity)); // one place for the icons of every risk (common/risklevel)
}

std::optional<Severity> severityFromName(const QString &name)
{
    for (int i = 0; i < 5; ++i) {
        if (name.compare(QLatin1StringView(SeverityNames[i]), Qt::CaseInsensitive) == 0)
            return Severity(i);
    }
    return std::nullopt;
}

QStringList surfaceNames(Surfaces surfaces)
{
    QStringList names;
    if (surfaces & Surface::Cli)
        names.append(QStringLiteral("cli"));
    if (surfaces & Surface::Ide)
        names.append(QStringLiteral("ide"));
    if (surfaces & Surface::Cloud)
        names.append(QStringLiteral("cloud"));
    return names;
}

QString surfaceLabel(Surface surface)
{
    switch (surface) {
    case Surface::Cli:
        return QStringLiteral("CLI");
    case Surface::Ide:
        return QStringLiteral("IDE extension");
    case Surface::Cloud:
        return QStringLiteral("Cloud");
    }
    Q_UNREACHABLE_RETURN(QString());
}

void sortFindings(Findings &findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return a.id < b.id;
    });
}

QString SurfaceVerdict::word() const
{
    if (!worst || *worst == Severity::Info)
        return QStringLiteral("ok");
    switch (*worst) {
    case Severity::Info:
    case Severity::Low:
        return QStringLiteral("low risk");
    case Severity::Medium:
        return QStringLiteral("attention");
    case Severity::High:
        return QStringLiteral("at risk");
    case Severity::Critical:
        return QStringLiteral("critical");
    }
    Q_UNREACHABLE_RETURN(QString());
}

SurfaceVerdict SurfaceVerdict::of(const Findings &findings, Surfaces surfaces)
{
    SurfaceVerdict verdict;
    for (const Finding &finding : findings) {
        if (!(finding.surfaces & surfaces))
            continue;
        if (finding.isAccepted()) {
            ++verdict.accepted;
            continue;
        }
        ++verdict.counts[int(finding.severity)];
        if (!verdict.worst || finding.severity > *verdict.worst)
            verdict.worst = finding.severity;
    }
    return verdict;
}

RiskLevel riskOf(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return RiskLevel::Info;
    case Severity::Low:
        return RiskLevel::Low;
    case Severity::Medium:
        return RiskLevel::Medium;
    case Severity::High:
        return RiskLevel::High;
    case Severity::Critical:
        return RiskLevel::Critical;
    }
    Q_UNREACHABLE_RETURN(RiskLevel::Unknown);
}

RiskLevel riskOf(const SurfaceVerdict &verdict)
{
    if (!verdict.worst || *verdict.worst == Severity::Info)
        return RiskLevel::Ok;
    return riskOf(*verdict.worst);
}

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
// The SARIF driver's rules: every record of the catalogue with its descriptions, help (its remedy) and severity.
#include "core/report/sarif/sarifparts.h"
#include "core/rules/catalogue.h"

namespace Posture::Core::Sarif {

namespace {

using namespace Qt::StringLiterals;

QString fixText(RiskRules::FixKind kind)
{
    return kind == RiskRules::FixKind::None
        ? u"No guided fix."_s
        : u"A guided fix exists: `codex-posture --fix fix:<finding id>` shows the diff, `--yes` writes it."_s;
}

QStringList severityWords(RiskRules::Severities severities)
{
    QStringList words;
    for (int i = 4; i >= 0; --i) {
        if (severities & RiskRules::severityBit(Severity(i)))
            words.append(severityName(Severity(i)));
    }
    return words;
}

QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text.endsWith(u'.') ? text : text + u'.';
}

} // namespace

QString level(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
    case Severity::High:
        return u"error"_s;
    case Severity::Medium:
        return u"warning"_s;
    case Severity::Low:
    case Severity::Info:
        break;
    }
    return u"note"_s;
}

QString securitySeverity(Severity severity)
{
    static constexpr const char *Scores[] = {"1.0", "3.0", "5.5", "8.0", "9.5"}; // by Severity
    return QLatin1StringView(Scores[int(severity)]);
}

QJsonArray rules()
{
    QJsonArray array;
    for (const RiskRules::RuleInfo &rule : RiskRules::catalogue()) {
        const QString summary = sentence(rule.summary);
        const QString full = summary + u" Reported as "_s + severityWords(rule.severities).join(u" or "_s) + u" for "_s
            + surfaceNames(rule.surfaces).join(u", "_s) + u'.';
        const QString help = QString(rule.remedy) + u' ' + fixText(rule.fix) + u" See "_s + rule.reference;
        const QString markdown =
            QString(rule.remedy) + u"\n\n"_s + fixText(rule.fix) + u"\n\n[Read more]("_s + rule.reference + u')';
        QJsonArray tags{u"security"_s, u"codex"_s, u"configuration"_s};
        for (const QString &surface : surfaceNames(rule.surfaces))
            tags.append(surface);
        array.append(
            QJsonObject{{u"id"_s, QString(rule.id)}, {u"shortDescription"_s, QJsonObject{{u"text"_s, summary}}},
                {u"fullDescription"_s, QJsonObject{{u"text"_s, full}}},
                {u"help"_s, QJsonObject{{u"text"_s, help}, {u"markdown"_s, markdown}}},
                {u"helpUri"_s, QString(rule.reference)},
                {u"defaultConfiguration"_s, QJsonObject{{u"level"_s, level(rule.severity)}}},
                {u"properties"_s,
                    QJsonObject{{u"security-severity"_s, securitySeverity(rule.severity)}, {u"tags"_s, tags},
                        {u"precision"_s, u"high"_s}}}});
    }
    return array;
}

int ruleIndex(const QString &ruleId)
{
    const std::span<const RiskRules::RuleInfo> all = RiskRules::catalogue();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].id == ruleId)
            return int(i);
    }
    return -1;
}

} // namespace Posture::Core::Sarif

// SPDX-License-Identifier: Apache-2.0
// The HTML report: the page around the sections, the summary, the verdicts and the posture table (the other sections
// are in htmlfindings.cpp, htmlsections.cpp and htmlfiles.cpp).
#include "core/report/html/htmlreport.h"

#include "core/common/version.h"
#include "core/inspection.h"
#include "core/report/html/htmlparts.h"
#include "core/report/html/htmltext.h"
#include "core/report/posturetable.h"
#include "core/report/reportparts.h"

#include <QFile>

namespace Posture::Core {

namespace {

QString styleSheet(HtmlStyle style)
{
    QFile file(style == HtmlStyle::Browser ? QStringLiteral(":/posture/report/report.css")
                                           : QStringLiteral(":/posture/report/report-pdf.css"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString verdictCountsText(const SurfaceVerdict &verdict)
{
    const QStringList counts = verdictCounts(verdict);
    return counts.isEmpty() ? QStringLiteral("no findings") : counts.join(QStringLiteral(", "));
}

} // namespace

namespace HtmlReport {

QString summary(const Inspection &inspection, const HtmlText &html)
{
    const SurfaceVerdict all = hostVerdict(inspection);
    QString text = QStringLiteral("<header>\n<h1>Codex posture: %1</h1>\n").arg(html.risk(riskOf(all), all.word()));
    text += QStringLiteral("<table class=\"facts\" width=\"100%\">\n");
    const auto fact = [&text](const QString &label, const QString &value) { text += HtmlText::row({label, value}); };
    fact(QStringLiteral("Machine"),
        inspection.options.systemRoot.isEmpty()
            ? QStringLiteral("this machine")
            : QString(QStringLiteral("a copied machine at ") + html.code(inspection.options.systemRoot)));
    fact(QStringLiteral("Codex home"),
        html.code(inspection.locations.codexHome) + QStringLiteral(" (from ")
            + html.text(inspection.locations.sourceDescription()) + u')');
    fact(QStringLiteral("Started in"),
        html.code(inspection.trust.cwd) + QStringLiteral(" (project trust: ")
            + html.text(ProjectTrust::levelName(inspection.trust.level)) + u')');
    if (!inspection.options.profile.isEmpty())
        fact(QStringLiteral("Profile"), html.code(inspection.options.profile));
    fact(QStringLiteral("Codex"), html.text(loadVerdictText(inspection.loadStatus)));
    fact(QStringLiteral("Findings"), html.text(verdictCountsText(all)));
    return text + QStringLiteral("</table>\n</header>\n");
}

QString verdicts(const Inspection &inspection, const HtmlText &html)
{
    QString text =
        QStringLiteral("<section id=\"verdicts\">\n<h2>Verdicts</h2>\n<table class=\"verdicts\" width=\"100%\"><tr>\n");
    for (const Surface surface : {Surface::Cli, Surface::Ide, Surface::Cloud}) {
        const SurfaceVerdict verdict = inspection.verdict(surface);
        const RiskLevel level = riskOf(verdict);
        text += QStringLiteral("<td class=\"verdict tint-%1\"><div class=\"surface\">%2</div>"
                               "<div class=\"word\">%3</div><div class=\"counts\">%4</div></td>\n")
                    .arg(riskWord(level), html.text(surfaceLabel(surface)), html.risk(level, verdict.word()),
                        html.text(verdictCountsText(verdict)));
    }
    return text + QStringLiteral("</tr></table>\n</section>\n");
}

// The core's posture table (the window shows the same cells): the value, its level as icon and word where it is a
// risk, and where the value came from.
QString posture(const Inspection &inspection, const HtmlText &html)
{
    const PostureTable table = PostureTable::of(inspection);
    const QString cloudSource =
        inspection.cloud.source == u"declared" ? QStringLiteral("declared") : QStringLiteral("documented");
    const QString cli = inspection.options.profile.isEmpty()
        ? QStringLiteral("CLI")
        : QString(QStringLiteral("CLI ") + html.code(QStringLiteral("-p ") + inspection.options.profile));
    QString text =
        QStringLiteral("<section id=\"posture\">\n<h2>Posture</h2>\n<table class=\"posture\" width=\"100%\">\n")
        + HtmlText::row(
            {QString(), cli, QStringLiteral("IDE extension"), QStringLiteral("Cloud (%1)").arg(cloudSource)}, true);
    for (int row = 0; row < PostureTable::RowCount; ++row) {
        text += QStringLiteral("<tr><th scope=\"row\">%1</th>").arg(PostureTable::rowName(PostureTable::Row(row)));
        for (int column = 0; column < PostureTable::ColumnCount; ++column) {
            const PostureTable::Cell &cell = table.cell(PostureTable::Row(row), PostureTable::Column(column));
            const bool empty = cell.value.isEmpty() || cell.value == u"—";
            QString shown = empty ? QStringLiteral("—") : html.code(cell.value);
            if (cell.risk != RiskLevel::Ok && cell.risk != RiskLevel::Info)
                shown += u' ' + html.risk(cell.risk);
            if (!cell.file.isEmpty() || !cell.provenance.isEmpty())
                shown += QStringLiteral("<div class=\"from\">%1</div>").arg(html.text(cell.provenance));
            text += QStringLiteral("<td class=\"tint-%1\">%2</td>").arg(riskWord(cell.risk), shown);
        }
        text += QStringLiteral("</tr>\n");
    }
    return text + QStringLiteral("</table>\n</section>\n");
}

} // namespace HtmlReport

QByteArray renderHtmlReport(const Inspection &inspection, const QDateTime &generatedAt, bool redact, HtmlStyle style)
{
    const HtmlText html(redact ? std::optional(Redaction::of(inspection)) : std::nullopt);
    const SurfaceVerdict all = hostVerdict(inspection);
    QString page = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        // Nothing may be fetched: no script, image, font or frame; only the inline style below.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n"
        "<meta name=\"generator\" content=\"codex-posture %1\">\n");
    page = page.arg(html.text(toolVersion()));
    page += QStringLiteral("<title>Codex posture: %1</title>\n<style>\n%2</style>\n</head>\n<body>\n")
                .arg(html.text(all.word()), styleSheet(style));
    page += HtmlReport::summary(inspection, html);
    page += HtmlReport::verdicts(inspection, html);
    page += HtmlReport::posture(inspection, html);
    page += HtmlReport::findings(inspection, html);
    page += HtmlReport::layers(inspection, html);
    page += HtmlReport::sandbox(inspection, html);
    page += HtmlReport::acceptedAndBaseline(inspection, html);
    page += HtmlReport::filesInspected(inspection, html);
    page += HtmlReport::versions(inspection, html);
    page += QStringLiteral("<footer>Made by codex-posture %1 on %2. Secrets are masked%3.</footer>\n</body>\n</html>\n")
                .arg(html.text(toolVersion()), generatedAt.toUTC().toString(Qt::ISODate),
                    redact ? QStringLiteral("; user, home and host names are replaced by placeholders") : QString());
    return page.toUtf8();
}

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
#include "core/report/html/htmltext.h"

namespace Posture::Core {

QString HtmlText::text(const QString &text) const
{
    return (m_redaction ? m_redaction->apply(text) : text).toHtmlEscaped();
}

QString HtmlText::code(const QString &text) const
{
    return text.isEmpty() ? QString() : element(QStringLiteral("code"), this->text(text));
}

QString HtmlText::element(const QString &tag, const QString &html, const QString &cssClass)
{
    const QString open = cssClass.isEmpty() ? tag : QStringLiteral("%1 class=\"%2\"").arg(tag, cssClass);
    return QStringLiteral("<%1>%2</%3>").arg(open, html, tag);
}

QString HtmlText::row(const QStringList &cells, bool header)
{
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        html += element(tag, cell);
    return html + QStringLiteral("</tr>\n");
}

QString HtmlText::riskIcon(RiskLevel level)
{
    // U+FE0E asks for the text form of the glyphs that also have an emoji form.
    switch (level) {
    case RiskLevel::Ok:
        return QStringLiteral("\u2714\uFE0E"); // heavy check mark
    case RiskLevel::Info:
        return QStringLiteral("\u2139\uFE0E"); // information source
    case RiskLevel::Low:
        return QStringLiteral("\u25CF"); // black circle
    case RiskLevel::Medium:
        return QStringLiteral("\u25C6"); // black diamond
    case RiskLevel::High:
        return QStringLiteral("\u25B2"); // black up-pointing triangle
    case RiskLevel::Critical:
        return QStringLiteral("\u2716\uFE0E"); // heavy multiplication x
    case RiskLevel::Unknown:
        return QStringLiteral("?");
    }
    return QStringLiteral("?");
}

QString HtmlText::risk(RiskLevel level, const QString &word) const
{
    const QString name = riskWord(level);
    return QStringLiteral("<span class=\"risk risk-%1\"><span class=\"icon\" aria-hidden=\"true\">%2</span> %3</span>")
        .arg(name, riskIcon(level), text(word.isEmpty() ? name : word));
}

} // namespace Posture::Core

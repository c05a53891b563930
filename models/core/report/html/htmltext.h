// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/risklevel.h"
#include "core/report/redaction.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Posture::Core {

// HTML that cannot break and names no one it should not: every text is redacted (with --redact) and then escaped.
// Tables carry width="100%" as an attribute too: Qt's rich-text engine (the PDF report) reads no CSS width.
// Redaction happens here, before escaping, because its placeholders (`<home>`) would be tags in the finished page.
class HtmlText
{
public:
    explicit HtmlText(std::optional<Redaction> redaction = std::nullopt)
        : m_redaction(std::move(redaction))
    { }

    // Text as HTML: redacted, `& < > "` escaped.
    QString text(const QString &text) const;
    // A path or value in a <code> element.
    QString code(const QString &text) const;
    // <tag class="...">html</tag>; html is already escaped.
    static QString element(const QString &tag, const QString &html, const QString &cssClass = {});
    // One table row of cells already escaped; header cells with th.
    static QString row(const QStringList &cells, bool header = false);
    // A level as icon, word and colour: <span class="risk risk-high"><span class="icon">▲</span> high</span>. Never
    // colour alone: the icon's shape and the word say it too. The word is text like any other (a layer's status names
    // the project it ignores): redacted and escaped.
    QString risk(RiskLevel level, const QString &word = {}) const;
    // The icon of a level, a different shape for each (text glyphs: the page loads no image).
    static QString riskIcon(RiskLevel level);

private:
    std::optional<Redaction> m_redaction;
};

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
#include "core/report/markdown/markdowntext.h"

#include <QRegularExpression>

namespace Posture::Core {

namespace {

QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(u'\r', u' ').replace(u'\n', u' ');
    return line;
}

} // namespace

QString markdownText(const QString &text)
{
    QString escaped;
    for (const QChar c : oneLine(text)) {
        if (c == u'<')
            escaped += QStringLiteral("&lt;");
        else if (c == u'>')
            escaped += QStringLiteral("&gt;");
        else if (c == u'&')
            escaped += QStringLiteral("&amp;");
        else if (QStringLiteral("\\`*_[]|#~").contains(c))
            escaped += u'\\' + QString(c);
        else
            escaped += c;
    }
    return escaped;
}

QString markdownCode(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QString line = oneLine(text);
    // One more backtick than the longest run inside; a space on each side when the text starts or ends with one.
    qsizetype longest = 0;
    static const QRegularExpression runs(QStringLiteral("`+"));
    for (auto it = runs.globalMatch(line); it.hasNext();)
        longest = std::max(longest, it.next().capturedLength());
    const QString fence(longest + 1, u'`');
    const QString pad = line.startsWith(u'`') || line.endsWith(u'`') ? QStringLiteral(" ") : QString();
    QString body = line;
    body.replace(u'|', QStringLiteral("\\|"));
    return fence + pad + body + pad + fence;
}

QString markdownRow(const QStringList &cells)
{
    return QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

QString markdownHeader(const QStringList &cells)
{
    return markdownRow(cells) + markdownRow(QStringList(cells.size(), QStringLiteral("---")));
}

} // namespace Posture::Core

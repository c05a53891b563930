// SPDX-License-Identifier: Apache-2.0
// A guided fix as a SARIF `fix`: the lines it replaces and the text it puts there, worked out on the file's bytes.
#include "core/common/secrets.h"
#include "core/fixes/fixapplier.h"
#include "core/report/sarif/sarifparts.h"

namespace Posture::Core::Sarif {

namespace {

using namespace Qt::StringLiterals;

// The text's lines, each with its line break (the last one may have none).
QStringList linesOf(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf(u'\n', start);
        const qsizetype next = end < 0 ? text.size() : end + 1;
        lines.append(text.mid(start, next - start));
        start = next;
    }
    return lines;
}

} // namespace

QJsonObject fix(const Fix &fix, const ArtifactLocation &location)
{
    if (!fix.applicable())
        return {};
    const FixPreview preview = FixApplier::preview(fix);
    if (!preview.changes())
        return {};
    const QStringList before = linesOf(QString::fromUtf8(preview.before));
    const QString afterText = QString::fromUtf8(preview.after);
    const QStringList after = linesOf(afterText);
    // The whole lines that differ: the common lines at the start and at the end stay.
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
        && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    const QStringList inserted = after.mid(prefix, after.size() - prefix - suffix);
    const QString insertedText = inserted.join(QString());
    // A fix must never carry a secret into a report, masked or not: a masked replacement would write the mask into
    // the file if a tool applied it. The inserted lines are masked as part of the whole new file (so that a value in
    // an env table is judged as such); if masking changes them, the fix is left out of the SARIF log (the JSON
    // report and --fix still describe it, masked).
    const QStringList masked = linesOf(Secrets::maskConfigText(afterText));
    if (masked.mid(prefix, inserted.size()) != inserted)
        return {};
    // The deleted lines, from the start of the first one to the start of the line after the last one; at the end
    // of a file without a final line break, to the end of its last line. Columns count UTF-16 code units.
    const qsizetype deleted = before.size() - prefix - suffix;
    const int startLine = int(prefix) + 1;
    QJsonObject region{{u"startLine"_s, startLine}, {u"startColumn"_s, 1}};
    const qsizetype last = prefix + deleted - 1;
    if (deleted > 0 && !before.at(last).endsWith(u'\n')) {
        region.insert(u"endLine"_s, int(last) + 1);
        region.insert(u"endColumn"_s, int(before.at(last).size()) + 1);
    } else {
        region.insert(u"endLine"_s, int(prefix + deleted) + 1);
        region.insert(u"endColumn"_s, 1);
    }
    QJsonObject replacement{{u"deletedRegion"_s, region}};
    if (!insertedText.isEmpty())
        replacement.insert(u"insertedContent"_s, QJsonObject{{u"text"_s, insertedText}});
    return QJsonObject{{u"description"_s, QJsonObject{{u"text"_s, fix.title}}},
        {u"artifactChanges"_s,
            QJsonArray{QJsonObject{
                {u"artifactLocation"_s, location(fix.file)}, {u"replacements"_s, QJsonArray{replacement}}}}}};
}

} // namespace Posture::Core::Sarif

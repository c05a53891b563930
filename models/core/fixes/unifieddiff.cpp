// SPDX-License-Identifier: Apache-2.0
#include "core/fixes/unifieddiff.h"

#include "core/common/textlines.h"
#include "core/fixes/linediff.h"

#include <QList>

namespace Posture::Core {

namespace {

constexpr int Context = 3;

// Lines without their '\n' (the preview); a final empty piece is no line.
QList<QByteArray> linesOf(const QByteArray &bytes)
{
    QList<QByteArray> lines = bytes.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

struct Step
{
    char kind; // ' ', '-', '+'
    int before; // line index in before (for ' ' and '-'; for '+' the before line it precedes)
    int after; // line index in after (for ' ' and '+'; for '-' the after line it precedes)
};

// The edit script as steps, removed lines before added ones within each change, as diff(1) shows them.
QList<Step> stepsOf(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    const LineDiff::Changes changes = LineDiff::compare(a, b);
    QList<Step> steps;
    int i = 0;
    int j = 0;
    const int n = int(a.size());
    const int m = int(b.size());
    while (i < n || j < m) {
        if (i < n && j < m && !changes.removed.at(i) && !changes.added.at(j)) {
            steps.append({' ', i++, j++});
            continue;
        }
        const int from = i + j;
        while (i < n && changes.removed.at(i))
            steps.append({'-', i++, j});
        while (j < m && changes.added.at(j))
            steps.append({'+', i, j++});
        if (i + j == from) // never: the unmarked lines of both sides pair up
            break;
    }
    return steps;
}

// The hunks: each change with Context lines around it, changes closer than 2 * Context lines sharing one.
struct Hunk
{
    qsizetype start;
    qsizetype end;
};

QList<Hunk> hunksOf(const QList<Step> &steps)
{
    QList<Hunk> hunks;
    qsizetype k = 0;
    while (k < steps.size()) {
        if (steps.at(k).kind == ' ') {
            ++k;
            continue;
        }
        const qsizetype start = std::max<qsizetype>(0, k - Context);
        qsizetype end = k;
        qsizetype quiet = 0;
        while (end < steps.size() && quiet <= 2 * Context) {
            quiet = steps.at(end).kind == ' ' ? quiet + 1 : 0;
            ++end;
        }
        end = std::min(steps.size(), end - std::max<qsizetype>(0, quiet - Context));
        hunks.append({start, end});
        k = end;
    }
    return hunks;
}

} // namespace

QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &fileName)
{
    return unifiedDiff(before, after, fileName, {});
}

QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &fileName, const ShownLine &shown)
{
    const QList<QByteArray> a = linesOf(before);
    const QList<QByteArray> b = linesOf(after);
    const QList<Step> steps = stepsOf(a, b);
    QString diff = QStringLiteral("--- %1\n+++ %1 (fixed)\n").arg(fileName);
    for (const Hunk &hunk : hunksOf(steps)) {
        int beforeCount = 0;
        int afterCount = 0;
        QString body;
        for (qsizetype s = hunk.start; s < hunk.end; ++s) {
            const Step &step = steps.at(s);
            const QByteArray line = !shown ? (step.kind == '+' ? b.at(step.after) : a.at(step.before))
                : step.kind == '+'         ? shown(true, step.after, b.at(step.after))
                                           : shown(false, step.before, a.at(step.before));
            body += QLatin1Char(step.kind) + QString::fromUtf8(line.endsWith('\r') ? line.chopped(1) : line) + u'\n';
            beforeCount += step.kind != '+';
            afterCount += step.kind != '-';
        }
        diff += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                    .arg(steps.at(hunk.start).before + 1)
                    .arg(beforeCount)
                    .arg(steps.at(hunk.start).after + 1)
                    .arg(afterCount)
            + body;
    }
    return diff;
}

QByteArray unifiedPatch(
    const QByteArray &before, const QByteArray &after, const QByteArray &oldName, const QByteArray &newName)
{
    const QList<QByteArray> a = linesWithEndings(before);
    const QList<QByteArray> b = linesWithEndings(after);
    const QList<Step> steps = stepsOf(a, b);
    QByteArray patch = "--- " + oldName + "\n+++ " + newName + '\n';
    for (const Hunk &hunk : hunksOf(steps)) {
        int beforeCount = 0;
        int afterCount = 0;
        QByteArray body;
        for (qsizetype s = hunk.start; s < hunk.end; ++s) {
            const Step &step = steps.at(s);
            const QByteArray &line = step.kind == '+' ? b.at(step.after) : a.at(step.before);
            body += step.kind + line;
            if (!line.endsWith('\n'))
                body += "\n\\ No newline at end of file\n";
            beforeCount += step.kind != '+';
            afterCount += step.kind != '-';
        }
        // A side with no line in the hunk names the line after which it applies (0: the start of the file).
        const int beforeStart = steps.at(hunk.start).before + (beforeCount > 0 ? 1 : 0);
        const int afterStart = steps.at(hunk.start).after + (afterCount > 0 ? 1 : 0);
        patch += "@@ -" + QByteArray::number(beforeStart) + ',' + QByteArray::number(beforeCount) + " +"
            + QByteArray::number(afterStart) + ',' + QByteArray::number(afterCount) + " @@\n" + body;
    }
    return patch;
}

} // namespace Posture::Core

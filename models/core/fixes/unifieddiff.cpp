// SPDX-License-Identifier: Apache-2.0
#include "core/fixes/unifieddiff.h"

#include <QList>

namespace Posture::Core {

namespace {

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
    int before; // line index in before (for ' ' and '-')
    int after; // line index in after (for ' ' and '+')
};

} // namespace

QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &fileName)
{
    const QList<QByteArray> a = linesOf(before);
    const QList<QByteArray> b = linesOf(after);
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QList<QList<int>> common(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            common[i][j] = a.at(i) == b.at(j) ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
    }
    QList<Step> steps;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            steps.append({' ', int(i++), int(j++)});
        } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
            steps.append({'-', int(i++), int(j)}); // removed lines first, as diff(1) shows them
        } else {
            steps.append({'+', int(i), int(j++)});
        }
    }
    QString diff = QStringLiteral("--- %1\n+++ %1 (fixed)\n").arg(fileName);
    constexpr int Context = 3;
    qsizetype k = 0;
    while (k < steps.size()) {
        if (steps.at(k).kind == ' ') {
            ++k;
            continue;
        }
        // A hunk: from Context lines before this change to Context lines after the last change near it.
        qsizetype start = std::max<qsizetype>(0, k - Context);
        qsizetype end = k;
        qsizetype quiet = 0;
        while (end < steps.size() && quiet <= 2 * Context) {
            quiet = steps.at(end).kind == ' ' ? quiet + 1 : 0;
            ++end;
        }
        end = std::min(steps.size(), end - std::max<qsizetype>(0, quiet - Context));
        int beforeCount = 0;
        int afterCount = 0;
        QString body;
        for (qsizetype s = start; s < end; ++s) {
            const Step &step = steps.at(s);
            const QByteArray &line = step.kind == '+' ? b.at(step.after) : a.at(step.before);
            body += QLatin1Char(step.kind) + QString::fromUtf8(line.endsWith('\r') ? line.chopped(1) : line) + u'\n';
            beforeCount += step.kind != '+';
            afterCount += step.kind != '-';
        }
        diff += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                    .arg(steps.at(start).before + 1)
                    .arg(beforeCount)
                    .arg(steps.at(start).after + 1)
                    .arg(afterCount)
            + body;
        k = end;
    }
    return diff;
}

} // namespace Posture::Core

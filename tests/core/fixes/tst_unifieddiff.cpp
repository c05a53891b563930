// SPDX-License-Identifier: Apache-2.0
// The line diff behind fix previews and patches: a shortest edit script (checked against a plain LCS on random texts),
// a correct one past its edit budget, the preview's format, and the patch's exact bytes (CRLF, no final newline, a
// file created from nothing).
#include "core/fixes/linediff.h"
#include "core/fixes/unifieddiff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Posture::Core;

namespace {

// The length of a longest common subsequence, the textbook way (small inputs only).
int lcsLength(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    QList<QList<int>> table(a.size() + 1, QList<int>(b.size() + 1, 0));
    for (qsizetype i = a.size() - 1; i >= 0; --i) {
        for (qsizetype j = b.size() - 1; j >= 0; --j)
            table[i][j] = a.at(i) == b.at(j) ? table[i + 1][j + 1] + 1 : std::max(table[i + 1][j], table[i][j + 1]);
    }
    return table[0][0];
}

// The unmarked lines of both sides, which must be the same lines in the same order.
QList<QByteArray> kept(const QList<QByteArray> &lines, const QList<bool> &changed)
{
    QList<QByteArray> result;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!changed.at(i))
            result.append(lines.at(i));
    }
    return result;
}

QList<QByteArray> randomLines(QRandomGenerator &random, int count, int alphabet)
{
    QList<QByteArray> lines;
    for (int i = 0; i < count; ++i)
        lines.append(QByteArray(1, char('a' + random.bounded(alphabet))));
    return lines;
}

} // namespace

class TestUnifiedDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_isAShortestEditScript();
    void compare_pastItsBudget_isStillCorrect();
    void preview_keepsItsFormat();
    void preview_ofALargeFile_isOneSmallHunk();
    void patch_keepsCrlf_andSaysNoNewlineAtTheEnd();
    void patch_ofANewFile_countsFromLineZero();
};

void TestUnifiedDiff::compare_isAShortestEditScript()
{
    QRandomGenerator random(20261130u);
    for (int round = 0; round < 500; ++round) {
        const QList<QByteArray> a = randomLines(random, random.bounded(0, 40), random.bounded(1, 6));
        const QList<QByteArray> b = randomLines(random, random.bounded(0, 40), random.bounded(1, 6));
        const LineDiff::Changes changes = LineDiff::compare(a, b);
        const QList<QByteArray> keptA = kept(a, changes.removed);
        QCOMPARE(keptA, kept(b, changes.added));
        QCOMPARE(int(keptA.size()), lcsLength(a, b));
    }
}

void TestUnifiedDiff::compare_pastItsBudget_isStillCorrect()
{
    QRandomGenerator random(7u);
    for (int round = 0; round < 100; ++round) {
        const QList<QByteArray> a = randomLines(random, 60, 3);
        const QList<QByteArray> b = randomLines(random, 60, 3);
        const LineDiff::Changes changes = LineDiff::compare(a, b, 2);
        QCOMPARE(kept(a, changes.removed), kept(b, changes.added));
    }
}

void TestUnifiedDiff::preview_keepsItsFormat()
{
    const QByteArray before = "# 1\n# 2\n# 3\n# 4\napproval_policy = \"never\"\r\n# 6\n# 7\n# 8\n# 9\n";
    QByteArray after = before;
    after.replace("\"never\"", "\"on-request\"");
    QCOMPARE(unifiedDiff(before, after, QStringLiteral("config.toml")),
        QStringLiteral("--- config.toml\n+++ config.toml (fixed)\n@@ -2,7 +2,7 @@\n # 2\n # 3\n # 4\n"
                       "-approval_policy = \"never\"\n+approval_policy = \"on-request\"\n # 6\n # 7\n # 8\n"));
}

void TestUnifiedDiff::preview_ofALargeFile_isOneSmallHunk()
{
    // 200,000 lines (a matrix of them would be 4 * 10^10 cells): one line changes, one hunk of 7 lines.
    QByteArray before;
    for (int i = 0; i < 200000; ++i)
        before += "key_" + QByteArray::number(i) + " = " + QByteArray::number(i % 7) + '\n';
    QByteArray after = before;
    after.replace("key_100000 = 5\n", "key_100000 = 6\n");
    const QString diff = unifiedDiff(before, after, QStringLiteral("big.toml"));
    QCOMPARE(diff.count(QStringLiteral("\n@@ ")), 1);
    QVERIFY2(diff.contains(QStringLiteral("@@ -99998,7 +99998,7 @@\n")), qPrintable(diff.left(200)));
    QVERIFY(diff.contains(QStringLiteral("-key_100000 = 5\n+key_100000 = 6\n")));
    QCOMPARE(diff.count(u'\n'), 2 + 1 + 8);
}

void TestUnifiedDiff::patch_keepsCrlf_andSaysNoNewlineAtTheEnd()
{
    const QByteArray before = "\xEF\xBB\xBF# top\r\napproval_policy = \"never\"\r\nmodel = \"o3\"";
    const QByteArray after = "\xEF\xBB\xBF# top\r\napproval_policy = \"on-request\"\r\nmodel = \"o3\"\r\nx = 1";
    QCOMPARE(unifiedPatch(before, after, "a/c.toml", "b/c.toml"),
        QByteArray("--- a/c.toml\n+++ b/c.toml\n@@ -1,3 +1,4 @@\n \xEF\xBB\xBF# top\r\n"
                   "-approval_policy = \"never\"\r\n-model = \"o3\"\n\\ No newline at end of file\n"
                   "+approval_policy = \"on-request\"\r\n+model = \"o3\"\r\n+x = 1\n"
                   "\\ No newline at end of file\n"));
}

void TestUnifiedDiff::patch_ofANewFile_countsFromLineZero()
{
    QCOMPARE(unifiedPatch({}, "a = 1\n", "/dev/null", "b/n.toml"),
        QByteArray("--- /dev/null\n+++ b/n.toml\n@@ -0,0 +1,1 @@\n+a = 1\n"));
}

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unifieddiff.moc"

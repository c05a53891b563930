// SPDX-License-Identifier: Apache-2.0
// The Markdown report is valid GitHub-flavoured Markdown on every fixture home and says what the text report says.
#include "core/inspection.h"
#include "core/report/markdown/markdownreport.h"
#include "core/report/markdown/markdowntext.h"
#include "fixturehome.h"

#include <QRegularExpression>
#include <QTest>

using namespace Posture::Core;
using Posture::Tests::FixtureHome;

namespace {

// The cells of a table row: split on the pipes that are not escaped.
int cellCount(const QString &row)
{
    static const QRegularExpression pipe(QStringLiteral("(?<!\\\\)\\|"));
    return int(row.count(pipe)) - 1;
}

// Every table (lines starting with "|") has a header, a delimiter row and rows of the header's width; returns what
// is wrong, or empty.
QString tableProblems(const QString &markdown)
{
    static const QRegularExpression delimiter(QStringLiteral("^\\|( :?-{3,}:? \\|)+$"));
    const QStringList lines = markdown.split(u'\n');
    int tables = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).startsWith(u'|'))
            continue;
        ++tables;
        const int width = cellCount(lines.at(i));
        if (i + 1 >= lines.size() || !delimiter.match(lines.at(i + 1)).hasMatch()
            || cellCount(lines.at(i + 1)) != width)
            return QStringLiteral("no delimiter row after: ") + lines.at(i);
        for (i += 2; i < lines.size() && lines.at(i).startsWith(u'|'); ++i) {
            if (!lines.at(i).endsWith(u'|') || cellCount(lines.at(i)) != width)
                return QStringLiteral("%1 cells, the header has %2: %3")
                    .arg(cellCount(lines.at(i)))
                    .arg(width)
                    .arg(lines.at(i));
        }
    }
    return tables >= 5 ? QString() : QStringLiteral("only %1 tables").arg(tables);
}

// The text a reader sees: escapes and entities undone.
QString shown(const QString &markdown)
{
    QString text = markdown;
    text.replace(QRegularExpression(QStringLiteral("\\\\([\\\\`*_\\[\\]|#~])")), QStringLiteral("\\1"));
    return text.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

} // namespace

class TestMarkdownReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixture_isValidMarkdownWithEveryFinding();
    void yolo_isCriticalWithEvidenceAndFix();
    void safeHome_isOkEverywhere();
    void cells_escapePipesBackticksAndTags();
};

void TestMarkdownReport::everyFixture_isValidMarkdownWithEveryFinding()
{
    for (const QString &directory : FixtureHome::ownCaseDirectories()) {
        const FixtureHome fixture(directory);
        const Inspection inspection = Inspection::run(fixture.options(true), QProcessEnvironment());
        const QString markdown = renderMarkdownReport(inspection, QDateTime::currentDateTimeUtc());
        const QString name = FixtureHome::label(directory) + QStringLiteral(": ");
        const QString problem = tableProblems(markdown);
        QVERIFY2(problem.isEmpty(), qPrintable(name + problem));
        QCOMPARE(markdown.count(QStringLiteral("```")) % 2, 0); // every code block closed
        for (const QString &section :
            {QStringLiteral("## Verdicts"), QStringLiteral("## Posture"), QStringLiteral("## Findings"),
                QStringLiteral("## Configuration files"), QStringLiteral("## Sandbox enforcement"),
                QStringLiteral("## Accepted risks and baseline"), QStringLiteral("## Versions")})
            QVERIFY2(markdown.contains(section), qPrintable(name + section));
        const QString text = shown(markdown);
        for (const Finding &finding : inspection.findings) {
            QVERIFY2(text.contains(finding.title), qPrintable(name + finding.title));
            QVERIFY2(markdown.contains(u'`' + finding.id + u'`'), qPrintable(name + finding.id));
        }
    }
}

void TestMarkdownReport::yolo_isCriticalWithEvidenceAndFix()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const Inspection inspection = Inspection::run(fixture.options(false), QProcessEnvironment());
    const QString markdown = renderMarkdownReport(inspection, QDateTime::currentDateTimeUtc());
    QVERIFY2(markdown.startsWith(QStringLiteral("# Codex posture: critical\n")), qPrintable(markdown.left(80)));
    QVERIFY(markdown.contains(QStringLiteral("| CLI | **critical** | 1 critical")));
    // Every cell of the posture with its level as a word and where it was set (the core's PostureTable).
    QVERIFY2(
        markdown.contains(QStringLiteral("| sandbox mode | `danger-full-access` **critical** · config.toml:4 (user) | "
                                         "`danger-full-access` **critical** · config.toml:4 (user) | `container` |")),
        qPrintable(markdown));
    QVERIFY(markdown.contains(QStringLiteral("| sandbox enforced | `not enforced` **high** |")));
    QVERIFY(markdown.contains(QStringLiteral("**Guided fix:** `codex-posture --fix fix:")));
    QVERIFY(markdown.contains(QStringLiteral("config.toml:4")));
    // The secret masked, inside a code span (outside one GitHub would take <masked> for a tag and hide it).
    QVERIFY(markdown.contains(QStringLiteral("experimental_bearer_token = \"<masked>\" (user)`")));
    QCOMPARE(markdown.count(QStringLiteral("<masked>")), 1);
    QVERIFY(!markdown.contains(QStringLiteral("sk-proj-PLANTED")));
}

void TestMarkdownReport::safeHome_isOkEverywhere()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("safe-legacy")));
    const QString markdown =
        renderMarkdownReport(Inspection::run(fixture.options(false), QProcessEnvironment()), QDateTime());
    QVERIFY(markdown.startsWith(QStringLiteral("# Codex posture: ok\n")));
    for (const char *surface : {"CLI", "IDE extension", "Cloud"})
        QVERIFY2(markdown.contains(QStringLiteral("| %1 | **ok** |").arg(QLatin1StringView(surface))), surface);
    QVERIFY(markdown.contains(QStringLiteral("| **verdict** | **ok** | **ok** | **ok** |")));
}

void TestMarkdownReport::cells_escapePipesBackticksAndTags()
{
    QCOMPARE(markdownCode(QStringLiteral("a|b")), QStringLiteral("`a\\|b`"));
    QCOMPARE(markdownCode(QStringLiteral("x = `y`")), QStringLiteral("`` x = `y` ``"));
    QCOMPARE(markdownCode(QStringLiteral("two\nlines")), QStringLiteral("`two lines`"));
    QCOMPARE(markdownText(QStringLiteral("<masked> | *x*_`")), QStringLiteral("&lt;masked&gt; \\| \\*x\\*\\_\\`"));
    QCOMPARE(cellCount(markdownRow({markdownCode(QStringLiteral("a|b")), markdownText(QStringLiteral("c|d"))})), 2);
}

QTEST_GUILESS_MAIN(TestMarkdownReport)
#include "tst_markdownreport.moc"

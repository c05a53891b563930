// SPDX-License-Identifier: Apache-2.0
// The layers as the sources write them: the core's folders form a one-way stack (a folder includes only the folders
// above it), and the views only show what the item models and the session give them. Read from the source tree; links
// QtCore alone.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

namespace {

using namespace Qt::StringLiterals;

// The core's stages in order; inspection.{h,cpp} at the core's top is the hub that runs the stages before it.
const QStringList CoreStack{
    u"common"_s, u"config"_s, u"sandbox"_s, u"surfaces"_s, u"rules"_s, u"fixes"_s, u"hub"_s, u"report"_s};

// What a view may include from the core: the result it shows and the value types and words it displays. Running the
// engine, previews, writes and settings go through the item models and the InspectionSession (models/).
const QStringList ViewCoreIncludes{
    u"core/inspection.h"_s, // the result shown (its facts, findings and fixes are values)
    u"core/common/risklevel.h"_s, // the risk scale, its words and icons
    u"core/common/secrets.h"_s, // masking what is shown
    u"core/common/version.h"_s, // the tool's version, for About
    u"core/config/diagnostic.h"_s, // a problem's severity and place
    u"core/fixes/fixapplier.h"_s, // the FixPreview and FixOutcome values the session hands over
    u"core/fixes/fixconsequence.h"_s, // what may stop working after a fix, in words
    u"core/report/headline.h"_s, // the banner's sentence
    u"core/report/reportparts.h"_s, // words the reports and the window share
    u"core/rules/acceptedrisks.h"_s, // an [[accept]] entry's text, previewed
};
// Views show; they do not run work of their own (the session's worker does).
const QStringList ThreadWords{
    u"QThreadPool"_s, u"QtConcurrent"_s, u"QThread"_s, u"std::thread"_s, u"std::async"_s, u"QFutureWatcher"_s};
constexpr int MaxViewLines = 600;

struct Include
{
    QString file; // relative to the source tree
    int line = 0;
    QString target; // as written: "core/rules/finding.h"
};

QString sourceDir()
{
    return QStringLiteral(POSTURE_SOURCE_DIR);
}

// Every source file below `folder` (relative to the source tree), sorted.
QStringList sourcesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(sourceDir() + u'/' + folder, {u"*.h"_s, u"*.cpp"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next().mid(sourceDir().size() + 1));
    files.sort();
    return files;
}

QList<Include> includesOf(const QString &file)
{
    QList<Include> includes;
    QFile source(sourceDir() + u'/' + file);
    if (!source.open(QIODevice::ReadOnly))
        return includes;
    static const QRegularExpression include(u"^\\s*#\\s*include\\s*\"([^\"]+)\""_s);
    int line = 0;
    while (!source.atEnd()) {
        ++line;
        const QRegularExpressionMatch match = include.match(QString::fromUtf8(source.readLine()));
        if (match.hasMatch())
            includes.append({file, line, match.captured(1)});
    }
    return includes;
}

// The stage of a core file or include target ("models/core/rules/x.h" or "core/rules/x.h" -> "rules"; a file at the
// core's top -> "hub").
QString stageOf(QString path)
{
    path.remove(QRegularExpression(u"^(models/)?core/"_s));
    const qsizetype slash = path.indexOf(u'/');
    return slash < 0 ? u"hub"_s : path.left(slash);
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stageOf_namesTheFolder();
    void coreFolders_includeOnlyTheStagesAboveThem();
    void views_includeOnlyWhatTheyShow();
    void views_startNoThreads();
    void views_stayShort();
};

void TestLayering::initTestCase()
{
    if (!QFileInfo::exists(sourceDir() + u"/models/core/inspection.h"_s))
        QFAIL(qPrintable(u"no source tree at %1"_s.arg(sourceDir())));
}

void TestLayering::stageOf_namesTheFolder()
{
    QCOMPARE(stageOf(u"models/core/rules/finding.h"_s), u"rules"_s);
    QCOMPARE(stageOf(u"core/report/html/htmltext.h"_s), u"report"_s);
    QCOMPARE(stageOf(u"core/inspection.h"_s), u"hub"_s);
}

void TestLayering::coreFolders_includeOnlyTheStagesAboveThem()
{
    const QStringList files = sourcesUnder(u"models/core"_s);
    QVERIFY2(files.size() > 100, qPrintable(u"only %1 core files found"_s.arg(files.size())));
    QStringList backEdges;
    QStringList unknown;
    int coreIncludes = 0;
    for (const QString &file : files) {
        const QString from = stageOf(file);
        if (from == u"schema") // config/schema: the build's table compactor, not part of the library
            continue;
        if (!CoreStack.contains(from)) {
            unknown.append(file);
            continue;
        }
        for (const Include &include : includesOf(file)) {
            if (!include.target.startsWith(u"core/"_s))
                continue;
            ++coreIncludes;
            const QString to = stageOf(include.target);
            if (!CoreStack.contains(to))
                unknown.append(u"%1:%2: %3"_s.arg(include.file).arg(include.line).arg(include.target));
            else if (CoreStack.indexOf(to) > CoreStack.indexOf(from))
                backEdges.append(u"%1:%2: %3 includes %4 (%5 comes after %3)"_s.arg(
                    include.file, QString::number(include.line), from, include.target, to));
        }
    }
    QVERIFY2(coreIncludes > 200, qPrintable(u"only %1 core includes read"_s.arg(coreIncludes)));
    QVERIFY2(unknown.isEmpty(),
        qPrintable(u"not in the stack (%1):\n%2"_s.arg(CoreStack.join(u" → "_s), unknown.join(u'\n'))));
    QVERIFY2(backEdges.isEmpty(),
        qPrintable(u"back edges in the core's stack (%1):\n%2"_s.arg(CoreStack.join(u" → "_s), backEdges.join(u'\n'))));
}

void TestLayering::views_includeOnlyWhatTheyShow()
{
    const QStringList files = sourcesUnder(u"views"_s);
    QVERIFY2(files.size() > 20, qPrintable(u"only %1 view files found"_s.arg(files.size())));
    QStringList beyond;
    int coreIncludes = 0;
    for (const QString &file : files) {
        for (const Include &include : includesOf(file)) {
            if (!include.target.startsWith(u"core/"_s))
                continue;
            ++coreIncludes;
            if (!ViewCoreIncludes.contains(include.target))
                beyond.append(u"%1:%2: %3"_s.arg(include.file).arg(include.line).arg(include.target));
        }
    }
    QVERIFY2(coreIncludes > 5, qPrintable(u"only %1 core includes in views"_s.arg(coreIncludes)));
    QVERIFY2(beyond.isEmpty(),
        qPrintable(u"views include engine internals (ask the session or a model instead):\n"_s + beyond.join(u'\n')));
}

void TestLayering::views_startNoThreads()
{
    QStringList found;
    for (const QString &file : sourcesUnder(u"views"_s)) {
        QFile source(sourceDir() + u'/' + file);
        QVERIFY(source.open(QIODevice::ReadOnly));
        int line = 0;
        while (!source.atEnd()) {
            ++line;
            const QString text = QString::fromUtf8(source.readLine());
            for (const QString &word : ThreadWords) {
                if (text.contains(word))
                    found.append(u"%1:%2: %3"_s.arg(file).arg(line).arg(word));
            }
        }
    }
    QVERIFY2(found.isEmpty(), qPrintable(u"views start work of their own:\n"_s + found.join(u'\n')));
}

void TestLayering::views_stayShort()
{
    QStringList tooLong;
    for (const QString &file : sourcesUnder(u"views"_s)) {
        QFile source(sourceDir() + u'/' + file);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const int lines = int(source.readAll().count('\n'));
        if (lines > MaxViewLines)
            tooLong.append(u"%1: %2 lines"_s.arg(file).arg(lines));
    }
    QVERIFY2(tooLong.isEmpty(),
        qPrintable(u"views over %1 lines (split by responsibility):\n"_s.arg(MaxViewLines) + tooLong.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"

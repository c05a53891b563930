// SPDX-License-Identifier: Apache-2.0
// The TOML conformance suite, TOML 1.1 (what Codex parses; tests/oracle/tst_parseroracle proves it against the real
// CLI): every invalid case must give a clear error with line and column, and no crash; every valid case must parse.
// The cases only TOML 1.0 calls invalid (inline tables over several lines, \e and \xHH, times without seconds) parse.
#include "core/config/configdocument.h"
#include "tomltestsuite.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using Posture::Core::ConfigDocument;
using Posture::Tests::tomlTestCases;

namespace {

const QString Suite = Posture::Tests::tomlTestSuite();

ConfigDocument parsed(const QString &name)
{
    QFile file(Suite + u'/' + name);
    return file.open(QIODevice::ReadOnly) ? ConfigDocument::fromBytes(file.readAll(), name) : ConfigDocument();
}

} // namespace

class TestTomlTestInvalid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyInvalidCase_isAnErrorWithLineAndColumn();
    void everyValidCase_parses();
    void onlyToml10Invalid_parses();
};

void TestTomlTestInvalid::everyInvalidCase_isAnErrorWithLineAndColumn()
{
    QStringList failures;
    int cases = 0;
    for (const QString &name : tomlTestCases(QStringLiteral("1.1.0"))) {
        if (!name.startsWith(u"invalid/"))
            continue;
        const ConfigDocument document = parsed(name);
        ++cases;
        if (document.status() != ConfigDocument::Status::ParseError)
            failures.append(name + QStringLiteral(": accepted"));
        else if (document.problem()->location.line < 1 || document.problem()->location.column < 1)
            failures.append(name + QStringLiteral(": no line or column: ") + document.problem()->toString());
    }
    qInfo("%d invalid cases read, %lld not reported properly", cases, qlonglong(failures.size()));
    QVERIFY2(cases >= 480, "the suite lists 492 invalid TOML 1.1 cases; fewer were found");
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

void TestTomlTestInvalid::everyValidCase_parses()
{
    QStringList failures;
    int cases = 0;
    for (const QString &name : tomlTestCases(QStringLiteral("1.1.0"))) {
        if (!name.startsWith(u"valid/"))
            continue;
        ++cases;
        const ConfigDocument document = parsed(name);
        if (document.status() != ConfigDocument::Status::Parsed)
            failures.append(
                name + QStringLiteral(": ") + (document.problem() ? document.problem()->toString() : QString()));
    }
    QVERIFY2(cases >= 200, "the suite lists over 200 valid TOML 1.1 cases; fewer were found");
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

void TestTomlTestInvalid::onlyToml10Invalid_parses()
{
    const QStringList toml11 = tomlTestCases(QStringLiteral("1.1.0"));
    QStringList newlyValid;
    for (const QString &name : tomlTestCases(QStringLiteral("1.0.0"))) {
        if (name.startsWith(u"invalid/") && !toml11.contains(name)
            && QFileInfo::exists(Suite + u'/' + name.section(u'/', 0, -2) + u'/')) {
            // Cases the 1.1 list dropped: either valid in 1.1 (they must parse) or renamed (the spec-1.0.0 examples).
            if (!name.startsWith(u"invalid/spec-"))
                newlyValid.append(name);
        }
    }
    QVERIFY2(newlyValid.size() >= 5, "TOML 1.1 made several 1.0-invalid cases valid");
    QStringList refused;
    for (const QString &name : std::as_const(newlyValid)) {
        if (parsed(name).status() != ConfigDocument::Status::Parsed)
            refused.append(name);
    }
    QVERIFY2(refused.isEmpty(), qPrintable(refused.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTomlTestInvalid)
#include "tst_tomltestinvalid.moc"

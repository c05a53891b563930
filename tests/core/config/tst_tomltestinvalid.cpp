// SPDX-License-Identifier: Apache-2.0
// Every invalid case of the TOML conformance suite must give a clear error with line and column, and no crash.
#include "core/config/configdocument.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using Posture::Core::ConfigDocument;

class TestTomlTestInvalid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyInvalidCase_isAnErrorWithLineAndColumn();
};

void TestTomlTestInvalid::everyInvalidCase_isAnErrorWithLineAndColumn()
{
    const QString root = QStringLiteral(POSTURE_TEST_DATA_DIR "/toml-test/tests/invalid");
    QVERIFY2(QFileInfo(root).isDir(), qPrintable(root + QStringLiteral(" is missing: the tests need ../shared")));

    QStringList failures;
    int cases = 0;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const ConfigDocument document = ConfigDocument::fromBytes(file.readAll(), path);
        ++cases;
        const QString name = path.mid(root.size() + 1);
        if (document.status() != ConfigDocument::Status::ParseError)
            failures.append(name + QStringLiteral(": accepted"));
        else if (document.problem()->location.line < 1 || document.problem()->location.column < 1)
            failures.append(name + QStringLiteral(": no line or column: ") + document.problem()->toString());
    }
    qInfo("%d invalid cases read, %lld not reported properly", cases, qlonglong(failures.size()));
    QVERIFY2(cases >= 500, "the suite has over 500 invalid cases; fewer were found");
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTomlTestInvalid)
#include "tst_tomltestinvalid.moc"

// SPDX-License-Identifier: Apache-2.0
// posture-check-version-tables: `scripts/record-versions --check [V...]` runs it (not part of the default suite:
// re-recording a release asks its CLI about 5,300 times, a minute or more per release). versions.json
// (models/core/config/schema/VERSIONS.md) is what the pinned CLIs answer, not an edit: for every release named in
// POSTURE_CHECK_VERSIONS ("VERSION=BINARY,..."), this runs the recorder (posture-record-version, as
// scripts/record-versions does) and compares its entry with the checked-in one, answers and their texts. The pinned
// oracle's answers are the acceptance table's own, so its entry must be empty (the recorder's self-check: a recorder
// that grouped or compared questions wrongly finds differences there). It fails when versions.json was edited by hand
// or not regenerated: changing 0.167.2's "features.multi_agent": {"status": "ok"} to "warning:0" in versions.json makes
// compare_entry fail (tried once). The default suite asks a sample of each release's questions (tst_releasesample).

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

const QString Schema = QStringLiteral(POSTURE_SOURCE_DIR "/models/core/config/schema");

// An entry's answers with every "warning:N" / "fail:N" written out with its text, so that entries numbered against
// different text lists compare.
QJsonObject spelledOut(const QJsonObject &answers, const QJsonArray &texts)
{
    QJsonObject result;
    for (auto it = answers.constBegin(); it != answers.constEnd(); ++it) {
        if (it.value().isObject()) {
            result.insert(it.key(), spelledOut(it.value().toObject(), texts));
            continue;
        }
        const QString answer = it.value().toString();
        result.insert(it.key(),
            answer.contains(u':')
                ? answer.section(u':', 0, 0) + u' ' + texts.at(answer.section(u':', 1).toInt()).toString()
                : answer);
    }
    return result;
}

// The recorder's entry for a binary (4 CLI processes at a time).
QJsonObject recorded(const QString &codex)
{
    QProcess recorder;
    recorder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    recorder.start(QStringLiteral(POSTURE_RECORD_VERSION),
        {codex, Schema + QStringLiteral("/acceptance.json"), QStringLiteral("4")});
    if (!recorder.waitForFinished(-1) || recorder.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(recorder.readAllStandardOutput()).object();
}

} // namespace

class TestVersionTables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_entry_data();
    void compare_entry();
};

void TestVersionTables::compare_entry_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("codex");
    const QStringList pairs = qEnvironmentVariable("POSTURE_CHECK_VERSIONS").split(u',', Qt::SkipEmptyParts);
    QVERIFY2(!pairs.isEmpty(), "POSTURE_CHECK_VERSIONS names no release: run scripts/record-versions --check");
    for (const QString &pair : pairs)
        QTest::newRow(qPrintable(pair.section(u'=', 0, 0))) << pair.section(u'=', 0, 0) << pair.section(u'=', 1);
}

void TestVersionTables::compare_entry()
{
    QFETCH(QString, version);
    QFETCH(QString, codex);
    QVERIFY2(QFileInfo(codex).isExecutable(), qPrintable(codex + QStringLiteral(": not a Codex CLI")));
    QFile file(Schema + QStringLiteral("/versions.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonObject table = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(table.value(u"newest").toString(), QStringLiteral(POSTURE_ORACLE_VERSION));
    const QJsonObject checkedIn = table.value(u"versions").toObject().value(version).toObject();
    QVERIFY2(!checkedIn.isEmpty(), "versions.json has no entry for this version");

    const QJsonObject entry = recorded(codex);
    QVERIFY2(!entry.isEmpty(), "posture-record-version failed");
    QCOMPARE(entry.value(u"codex_version").toString(), version);
    QCOMPARE(entry.value(u"questions").toInt(), checkedIn.value(u"questions").toInt());
    const QJsonObject now = spelledOut(entry.value(u"answers").toObject(), entry.value(u"texts").toArray());
    const QJsonObject then = spelledOut(checkedIn.value(u"answers").toObject(), table.value(u"texts").toArray());
    if (now != then) {
        qInfo("recorded now: %s", QJsonDocument(now).toJson().constData());
        qInfo("versions.json: %s", QJsonDocument(then).toJson().constData());
    }
    QVERIFY2(now == then, "versions.json is not what the pinned CLI answers: run scripts/record-versions");
    if (version == QStringLiteral(POSTURE_ORACLE_VERSION))
        QVERIFY2(now.isEmpty(), "the CLI the acceptance table was recorded from must answer as the table does");
    else if (version == u"0.167.2")
        QVERIFY2(
            !now.isEmpty(), "0.167.2 differs from the table (multi_agent): an empty entry means nothing was asked");
}

QTEST_GUILESS_MAIN(TestVersionTables)
#include "checkversiontables.moc"

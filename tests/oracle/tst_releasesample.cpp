// SPDX-License-Identifier: Apache-2.0
// Every recorded Codex release answers as versions.json says: for each pinned release the suite installed, a sample of
// the acceptance table's questions is asked of that release's real CLI, one at a time and in full, and each answer
// (status and text) must be the one its table holds (acceptance.json with the release's entry of versions.json put
// over it). The sample takes every Nth of the answers where the release differs from the table, and every Mth of the
// others, so that each release is checked where it is special and where it is not. Re-recording whole releases is
// scripts/record-versions' job (`scripts/record-versions --check` compares a fresh recording with the file).
// Changing 0.167.2's "features.multi_agent" "status": "ok" to "warning:0" in versions.json makes this fail.
#include "acceptancequestions.h"
#include "codexversions.h"

#include <QFile>
#include <QJsonDocument>
#include <QMutex>
#include <QTest>
#include <QThreadPool>

using namespace Posture::Tests;

namespace {

const QString Schema = QStringLiteral(POSTURE_SOURCE_DIR "/models/core/config/schema");
constexpr int DifferingAsked = 24; // at most, per release: the answers where it differs from acceptance.json
constexpr int AgreeingAsked = 12; // per release: the answers it shares with acceptance.json

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

// Up to count of the indexes, spread evenly, starting at an offset that differs per release (seed).
QList<qsizetype> spread(const QList<qsizetype> &indexes, int count, size_t seed)
{
    QList<qsizetype> chosen;
    if (indexes.isEmpty())
        return chosen;
    const qsizetype step = qMax<qsizetype>(1, indexes.size() / count);
    for (qsizetype i = qsizetype(seed % size_t(step)); i < indexes.size() && chosen.size() < count; i += step)
        chosen.append(indexes.at(i));
    return chosen;
}

} // namespace

class TestReleaseSample : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void release_answersAsRecorded_data();
    void release_answersAsRecorded();
};

void TestReleaseSample::release_answersAsRecorded_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("binary");
    QMap<QString, QString> binaries = pinnedCodexBinaries();
    binaries.insert(QStringLiteral(POSTURE_ORACLE_VERSION), QStringLiteral(POSTURE_CODEX_ORACLE));
    for (auto it = binaries.cbegin(); it != binaries.cend(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key() << it.value();
}

void TestReleaseSample::release_answersAsRecorded()
{
    QFETCH(QString, version);
    QFETCH(QString, binary);
    QVERIFY2(QFileInfo(binary).isExecutable(), qPrintable(binary + QStringLiteral(" is not a pinned Codex CLI")));
    const QJsonObject acceptance = readJson(Schema + QStringLiteral("/acceptance.json"));
    const QJsonObject versions = readJson(Schema + QStringLiteral("/versions.json"));
    QVERIFY2(versions.value(u"versions").toObject().contains(version),
        "versions.json has no entry for this pinned release: run scripts/record-versions");
    const QList<Question> table = questionsOf(acceptance);
    const QList<Question> release = questionsOf(releaseTable(acceptance, versions, version));
    QCOMPARE(release.size(), table.size());

    QList<qsizetype> differing;
    QList<qsizetype> agreeing;
    for (qsizetype i = 0; i < release.size(); ++i) {
        const bool same = release.at(i).expected.status == table.at(i).expected.status
            && release.at(i).expected.text == table.at(i).expected.text;
        (same ? agreeing : differing).append(i);
    }
    const size_t seed = qHash(version);
    const QList<qsizetype> special = spread(differing, DifferingAsked, seed);
    const QList<qsizetype> chosen = special + spread(agreeing, AgreeingAsked, seed);

    QMutex mutex;
    QStringList changed;
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    for (const qsizetype index : chosen) {
        pool.start([&, index] {
            const Question &question = release.at(index);
            const Outcome answer = askCodex(binary, configOf(question));
            if (answer.status == question.expected.status && answer.text == question.expected.text)
                return;
            const QMutexLocker lock(&mutex);
            changed.append(QStringLiteral("%1: recorded %2 %3, the CLI answers %4 %5")
                    .arg(question.name(), question.expected.status, question.expected.text.left(120), answer.status,
                        answer.text.left(120)));
        });
    }
    pool.waitForDone();
    qInfo("codex %s: asked %lld questions (%lld where it differs from acceptance.json, of %lld); %lld answers changed",
        qPrintable(version), qlonglong(chosen.size()), qlonglong(special.size()), qlonglong(differing.size()),
        qlonglong(changed.size()));
    for (const QString &line : std::as_const(changed))
        qInfo("  %s", qPrintable(line));
    QVERIFY(chosen.size() >= AgreeingAsked);
    QVERIFY2(changed.isEmpty(), "versions.json is not what this release answers: run scripts/record-versions");
}

QTEST_GUILESS_MAIN(TestReleaseSample)
#include "tst_releasesample.moc"

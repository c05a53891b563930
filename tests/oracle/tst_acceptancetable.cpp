// SPDX-License-Identifier: Apache-2.0
// The acceptance table (models/core/config/schema/acceptance.json) is the real CLI's answer, not a guess: this test
// asks the pinned CLI a spread sample of the table's questions again and fails on any answer that changed (a new Codex,
// or a recorder that no longer asks what it recorded). scripts/record-acceptance regenerates the whole table.
// POSTURE_ACCEPTANCE_SAMPLE=N asks every Nth key instead of the default spread (1: all, slow).
#include "acceptanceprobe.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Posture::Tests;

namespace {

const QString Oracle = QStringLiteral(POSTURE_CODEX_ORACLE);

QString statusOf(const QJsonValue &answer)
{
    return answer.toString().section(u':', 0, 0);
}

} // namespace

class TestAcceptanceTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table_isWhatTheRealCliAnswers();
};

void TestAcceptanceTable::table_isWhatTheRealCliAnswers()
{
    QFile file(QStringLiteral(POSTURE_SOURCE_DIR "/models/core/config/schema/acceptance.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonObject table = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(table.value(u"codex_version").toString(), QStringLiteral(POSTURE_ORACLE_VERSION));
    const QJsonObject slots = table.value(u"slots").toObject();
    QVERIFY2(slots.size() > 500, "the table must cover every key of the schema");

    const int every = qMax(1,
        qEnvironmentVariableIntValue("POSTURE_ACCEPTANCE_SAMPLE") > 0
            ? qEnvironmentVariableIntValue("POSTURE_ACCEPTANCE_SAMPLE")
            : 12);
    int asked = 0;
    QStringList changed;
    int index = 0;
    for (auto it = slots.constBegin(); it != slots.constEnd(); ++it, ++index) {
        const QJsonObject slot = it.value().toObject();
        if (it.key().isEmpty() || slot.value(u"valid").isNull() || index % every != 0)
            continue;
        const QStringList path = it.key().split(u'.');
        const QString context = slot.value(u"context").toString();
        // One kind per key, in turn, and one of its values when it has a set of them.
        const auto &[kind, literal] = kindLiterals().at((index / every) % kindLiterals().size());
        QList<std::pair<QString, QString>> questions{
            {QStringLiteral("kind ") + kind, statusOf(slot.value(u"kinds").toObject().value(kind))}};
        QStringList literals{literal};
        const QJsonObject values = slot.value(u"values").toObject();
        if (!values.isEmpty()) {
            const QString value = values.keys().at((index / every) % values.size());
            questions.append({QStringLiteral("value ") + value, statusOf(values.value(value))});
            literals.append(u'"' + value + u'"');
        }
        for (qsizetype i = 0; i < questions.size(); ++i) {
            const Outcome outcome = askCodex(Oracle, probeConfig(path, context, literals.at(i)));
            ++asked;
            if (outcome.status != questions.at(i).second)
                changed.append(QStringLiteral("%1 (%2): table %3, CLI now %4 %5")
                        .arg(it.key(), questions.at(i).first, questions.at(i).second, outcome.status,
                            outcome.text.left(160)));
        }
    }
    qInfo("asked the CLI %d of the table's questions again; %lld answers changed", asked, qlonglong(changed.size()));
    for (const QString &line : std::as_const(changed))
        qInfo("  %s", qPrintable(line));
    QVERIFY(asked >= 50 || every > 12);
    QVERIFY2(changed.isEmpty(), "the acceptance table is out of date: run scripts/record-acceptance");
}

QTEST_GUILESS_MAIN(TestAcceptanceTable)
#include "tst_acceptancetable.moc"

// SPDX-License-Identifier: Apache-2.0
// Secrets never leave codex-posture, and every one is reported. Two proofs:
// - the corpus (tests/data/secrets/corpus.json): secret placements real configurations use (URL userinfo and query
//   parameters, headers, env and set tables, command arguments after token flags, Bearer and Basic credentials, ...),
//   each in a home of its own. Each must give a plaintext-secret finding (a negative case must give none), and no
//   report format, redacted or not, no fix's diff and no config view text (Secrets::maskConfigText, what the window
//   shows) may hold it;
// - the property: every fixture home and 60 generated homes, every credential the detector (Secrets::findSecrets)
//   finds in any layer, checked against the same outputs.
// The one exception by design: a --patch file holds the real bytes of the lines it changes (git apply must find
// them); it is written readable by its owner only (tst_fixcommand).
#include "core/common/secrets.h"
#include "core/fixes/fixapplier.h"
#include "core/inspection.h"
#include "core/report/reports.h"
#include "files.h"
#include "fixturehome.h"
#include "homegenerator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;
using namespace Posture::Tests;

namespace {

// Every text a person or a script gets from this inspection: each report format (the PDF's page is the HTML page, so
// html stands for it) plain and redacted, each fix's diff, and each layer file as the window's config view shows it.
QList<std::pair<QString, QByteArray>> outputsOf(const Inspection &inspection)
{
    QList<std::pair<QString, QByteArray>> outputs;
    for (const ReportFormat &format : reportFormats()) {
        if (format.pdf)
            continue;
        for (const bool redact : {false, true}) {
            const ReportRequest request{QDateTime::fromSecsSinceEpoch(0, QTimeZone::UTC), false, redact};
            outputs.append({format.name + (redact ? QStringLiteral(" --redact") : QString()),
                renderReport(format, inspection, request)});
        }
    }
    for (const FixPreview &preview : FixApplier::previewTogether(inspection.fixes, inspection))
        outputs.append({QStringLiteral("diff of ") + preview.fixIds().join(u','), preview.diff.toUtf8()});
    for (const ConfigLayer &layer : inspection.layers) {
        QFile file(layer.document.path());
        if (file.open(QIODevice::ReadOnly))
            outputs.append({QStringLiteral("config view of ") + layer.document.path(),
                Secrets::maskConfigText(QString::fromUtf8(file.readAll())).toUtf8()});
    }
    return outputs;
}

// Where a secret shows in the outputs (as written, or HTML-escaped); empty when nowhere.
QStringList leaks(const QList<std::pair<QString, QByteArray>> &outputs, const QString &secret)
{
    const QByteArray raw = secret.toUtf8();
    const QByteArray escaped = secret.toHtmlEscaped().replace(u'\'', QStringLiteral("&#39;")).toUtf8();
    QStringList where;
    for (const auto &[name, bytes] : outputs) {
        if (bytes.contains(raw) || bytes.contains(escaped))
            where.append(name);
    }
    return where;
}

bool hasSecretFinding(const Inspection &inspection)
{
    return std::any_of(inspection.findings.cbegin(), inspection.findings.cend(),
        [](const Finding &finding) { return finding.id.startsWith(u"plaintext-secret:"); });
}

InspectOptions optionsFor(const QString &machine, const QString &profile = {})
{
    InspectOptions options;
    options.home = machine + QStringLiteral("/home");
    options.cwd = options.home;
    options.systemRoot = machine + QStringLiteral("/system");
    options.profile = profile;
    return options;
}

} // namespace

class TestSecretExposure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_isFoundAndNeverShown_data();
    void corpus_isFoundAndNeverShown();
    void everyDetectedSecret_isNeverShown_data();
    void everyDetectedSecret_isNeverShown();
};

void TestSecretExposure::corpus_isFoundAndNeverShown_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("secret");
    QFile file(QStringLiteral(POSTURE_TEST_DATA_DIR "/secrets/corpus.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).object().value(u"cases").toArray();
    int positive = 0;
    for (const QJsonValue &value : cases) {
        const QJsonObject entry = value.toObject();
        positive += entry.value(u"secret").isString() ? 1 : 0;
        QTest::newRow(qPrintable(entry.value(u"name").toString()))
            << entry.value(u"file").toString() << entry.value(u"config").toString().toUtf8()
            << entry.value(u"secret").toString();
    }
    QVERIFY2(positive >= 40, "the corpus holds at least 40 secret placements");
}

void TestSecretExposure::corpus_isFoundAndNeverShown()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, config);
    QFETCH(QString, secret);
    QTemporaryDir machine;
    const QString codexHome = machine.filePath(QStringLiteral("home/.codex"));
    const QString path = file == u"system" ? machine.filePath(QStringLiteral("system/etc/codex/config.toml"))
        : file == u"profile"               ? codexHome + QStringLiteral("/work.config.toml")
                                           : codexHome + QStringLiteral("/config.toml");
    QVERIFY(writeBytes(path, config));
    QVERIFY(QDir().mkpath(codexHome) && QDir().mkpath(machine.filePath(QStringLiteral("system"))));
    const Inspection inspection =
        Inspection::run(optionsFor(machine.path(), file == u"profile" ? QStringLiteral("work") : QString()), {});
    QVERIFY2(inspection.codexStarts(), "the case's config must be one Codex loads");
    if (secret.isEmpty()) {
        QVERIFY2(!hasSecretFinding(inspection), "a negative case: nothing here is a secret");
        return;
    }
    QVERIFY2(hasSecretFinding(inspection), "the secret must be reported as a plaintext secret");
    const QStringList where = leaks(outputsOf(inspection), secret);
    QVERIFY2(where.isEmpty(), qPrintable(QStringLiteral("shown in: ") + where.join(QStringLiteral(", "))));
}

void TestSecretExposure::everyDetectedSecret_isNeverShown_data()
{
    QTest::addColumn<QString>("fixture"); // a fixture case directory, or empty for a generated home
    QTest::addColumn<int>("seed");
    for (const QString &directory : FixtureHome::caseDirectories())
        QTest::newRow(qPrintable(FixtureHome::label(directory))) << directory << 0;
    for (int seed = 1; seed <= 60; ++seed)
        QTest::addRow("generated %d", seed) << QString() << seed;
}

void TestSecretExposure::everyDetectedSecret_isNeverShown()
{
    QFETCH(QString, fixture);
    QFETCH(int, seed);
    std::optional<FixtureHome> home;
    QTemporaryDir generated;
    InspectOptions options;
    if (!fixture.isEmpty()) {
        home.emplace(fixture);
        QVERIFY(home->isValid());
        options = home->options(true);
    } else {
        HomeGenerator generator{quint32(seed)};
        QString description;
        options = generator.generate(generated.path(), &description).options(true);
    }
    options.runPrograms = false;
    const Inspection inspection = Inspection::run(options, {});
    QStringList secrets;
    for (const ConfigLayer &layer : inspection.layers) {
        for (const Secrets::FoundSecret &found : Secrets::findSecrets({}, layer.document.root()))
            if (found.text.size() >= 8) // shorter ones could be any word of a report
                secrets.append(found.text);
    }
    const QList<std::pair<QString, QByteArray>> outputs = outputsOf(inspection);
    for (const QString &secret : std::as_const(secrets)) {
        const QStringList where = leaks(outputs, secret);
        QVERIFY2(where.isEmpty(),
            qPrintable(QStringLiteral("%1 shown in: %2")
                    .arg(secret.left(4) + QStringLiteral("…"), where.join(QStringLiteral(", ")))));
    }
}

QTEST_GUILESS_MAIN(TestSecretExposure)
#include "tst_secretexposure.moc"

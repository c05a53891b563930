// SPDX-License-Identifier: Apache-2.0
// --redact: no user name, home path or host name in a report to be shared, and nothing else touched.
#include "core/inspection.h"
#include "core/report/redaction.h"
#include "core/report/reports.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;

class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAndPaths_becomePlaceholders();
    void everyFormat_ofAUserZoe_namesNoOne();
};

void TestRedaction::namesAndPaths_becomePlaceholders()
{
    const Redaction redaction =
        Redaction::of(QStringLiteral("/home/zoë"), QStringLiteral("zoë"), QStringLiteral("lab-host-7"));
    QCOMPARE(redaction.apply(QStringLiteral("/home/zoë/.codex/config.toml:4 (user)")),
        QStringLiteral("<home>/.codex/config.toml:4 (user)"));
    QCOMPARE(redaction.apply(QStringLiteral("owner zoë on lab-host-7, project /srv/zoë/app")),
        QStringLiteral("owner <user> on <host>, project /srv/<user>/app"));
    // Whole names only: other words keep every letter.
    QCOMPARE(
        redaction.apply(QStringLiteral("zoëtrope lab-host-70 mozoë")), QStringLiteral("zoëtrope lab-host-70 mozoë"));
    QCOMPARE(redaction.apply(QByteArray("[projects.\"/home/zo\xC3\xAB\"]\n")), QByteArray("[projects.\"<home>\"]\n"));
    // A placeholder is never rewritten by a later name: a user called "home" on a host called "user".
    const Redaction odd = Redaction::of(QStringLiteral("/srv/home"), QStringLiteral("home"), QStringLiteral("user"));
    QCOMPARE(odd.apply(QStringLiteral("/srv/home/.codex home user")), QStringLiteral("<home>/.codex <user> <host>"));
}

void TestRedaction::everyFormat_ofAUserZoe_namesNoOne()
{
    // A home named after its user, with trust entries and evidence that name it.
    QTemporaryDir base;
    const QString home = base.filePath(QStringLiteral("zoë"));
    QVERIFY(QDir().mkpath(home + QStringLiteral("/.codex")));
    QFile config(home + QStringLiteral("/.codex/config.toml"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("approval_policy = \"never\"\n[projects.\"%1\"]\ntrust_level = \"trusted\"\n")
            .arg(home)
            .toUtf8());
    config.close();
    qputenv("USER", "zoë");
    InspectOptions options;
    options.home = home;
    options.cwd = home;
    options.systemRoot = base.filePath(QStringLiteral("system"));
    const Inspection inspection = Inspection::run(options, QProcessEnvironment());
    for (const ReportFormat &format : reportFormats()) {
        const QByteArray plain = renderReport(format, inspection, ReportRequest{QDateTime(), false, false});
        if (format.name == u"mdm") { // one line of counts: it names no file, user or host to begin with
            QVERIFY2(!plain.contains("zo\xC3\xAB"), plain.constData());
            continue;
        }
        QVERIFY2(plain.contains("zo\xC3\xAB"), qPrintable(format.name)); // it was there to be redacted
        const QByteArray redacted = renderReport(format, inspection, ReportRequest{QDateTime(), false, true});
        QVERIFY2(!redacted.contains("zo\xC3\xAB"), qPrintable(format.name + u'\n' + QString::fromUtf8(redacted)));
        // A page shows the placeholder as text: escaped, else it would be a tag.
        QVERIFY2(redacted.contains(format.redactsBeforeEscaping ? "&lt;home&gt;" : "<home>"), qPrintable(format.name));
        QVERIFY(!redacted.contains(QByteArray(base.path().toUtf8() + "/zo")));
    }
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"

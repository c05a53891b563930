// SPDX-License-Identifier: Apache-2.0
// Guided fixes on files: every fix of every fixture home removes its finding and keeps every comment; and the
// faults that must leave the user's bytes intact or restorable: a file changed since it was read, a symlink, a path
// with spaces and non-ASCII, a higher layer that decides, a fix that does not help, undo.
#include "core/fixes/fixapplier.h"
#include "core/inspection.h"
#include "fixrunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;
using namespace Posture::Tests;

namespace {

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

InspectOptions optionsFor(const QString &home)
{
    InspectOptions options;
    options.home = home;
    options.cwd = home;
    options.systemRoot = home + QStringLiteral("/no-system");
    return options;
}

const Fix *fixFor(const Inspection &inspection, const QString &findingPrefix)
{
    for (const Fix &fix : inspection.fixes) {
        if (fix.findingId.startsWith(findingPrefix))
            return &fix;
    }
    return nullptr;
}

const QByteArray NeverConfig = "# keep me\napproval_policy = \"never\" # why\nmodel = \"o3\"\n";

} // namespace

class TestFixes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixtureFix_removesItsFinding_andKeepsComments();
    void fileChangedSinceRead_isNotOverwritten();
    void symlinkedConfig_isWrittenThroughTheLink();
    void pathWithSpacesAndNonAscii();
    void managedValue_isRefusedWithWhereToChangeIt();
    void fixThatDoesNotHelp_isPutBack();
    void undo_restoresTheExactBytes();
    void backup_keepsTheMode();
    void diff_masksSecrets();
};

void TestFixes::everyFixtureFix_removesItsFinding_andKeepsComments()
{
    QStringList failures;
    const int applied = forEachAppliedFixtureFix(
        [&failures](const QString &where, const AppliedFixtureFix &result) {
            const QString findingId = result.fixId.mid(4);
            if (std::any_of(result.inspectionAfter.findings.cbegin(), result.inspectionAfter.findings.cend(),
                    [&findingId](const Finding &finding) { return finding.id == findingId; }))
                failures.append(where + QStringLiteral(": the finding is still there"));
            const QByteArrayList before = commentLines(result.before);
            const QByteArrayList after = commentLines(result.after);
            for (const QByteArray &comment : before) {
                if (!after.contains(comment))
                    failures.append(where + QStringLiteral(": lost the comment ") + QString::fromUtf8(comment));
            }
            if (!QFileInfo::exists(result.outcome.backup) || read(result.outcome.backup) != result.before)
                failures.append(where + QStringLiteral(": no backup with the previous bytes"));
        },
        failures);
    qInfo("%d fixes applied to fixture copies", applied);
    QVERIFY(applied >= 10);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

void TestFixes::fileChangedSinceRead_isNotOverwritten()
{
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    QVERIFY(write(config, NeverConfig));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    const Fix *fix = fixFor(inspection, QStringLiteral("approval-never"));
    QVERIFY(fix);
    const FixPreview preview = FixApplier::preview(*fix);
    QVERIFY(preview.changes());
    const QByteArray edited = NeverConfig + "# added by the user meanwhile\n";
    QVERIFY(write(config, edited));
    const FixOutcome outcome = FixApplier::apply(preview, optionsFor(home.path()), home.filePath(QStringLiteral("j")));
    QVERIFY(!outcome.applied);
    QVERIFY2(
        outcome.message.contains(QStringLiteral("changed on disk since it was read")), qPrintable(outcome.message));
    QCOMPARE(read(config), edited);
}

void TestFixes::symlinkedConfig_isWrittenThroughTheLink()
{
    QTemporaryDir home;
    const QString target = home.filePath(QStringLiteral("dotfiles/codex.toml"));
    QVERIFY(write(target, NeverConfig));
    QVERIFY(QDir().mkpath(home.filePath(QStringLiteral(".codex"))));
    const QString link = home.filePath(QStringLiteral(".codex/config.toml"));
    QVERIFY(QFile::link(QStringLiteral("../dotfiles/codex.toml"), link));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    const Fix *fix = fixFor(inspection, QStringLiteral("approval-never"));
    QVERIFY(fix);
    const FixOutcome outcome =
        FixApplier::apply(FixApplier::preview(*fix), optionsFor(home.path()), home.filePath(QStringLiteral("j")));
    QVERIFY2(outcome.applied, qPrintable(outcome.message));
    QVERIFY(QFileInfo(link).isSymLink()); // still a link
    QCOMPARE(outcome.writtenTo, QFileInfo(target).canonicalFilePath());
    QVERIFY(outcome.message.contains(QStringLiteral("through the symlink")));
    QVERIFY(read(target).contains("approval_policy = \"on-request\" # why"));
    QVERIFY(read(target).startsWith("# keep me\n"));
}

void TestFixes::pathWithSpacesAndNonAscii()
{
    QTemporaryDir base;
    const QString home = base.filePath(QStringLiteral("Zoë's home dir"));
    const QString config = home + QStringLiteral("/.codex/config.toml");
    QVERIFY(write(config, NeverConfig));
    const Inspection inspection = Inspection::run(optionsFor(home), QProcessEnvironment());
    const Fix *fix = fixFor(inspection, QStringLiteral("approval-never"));
    QVERIFY(fix);
    const FixOutcome outcome =
        FixApplier::apply(FixApplier::preview(*fix), optionsFor(home), base.filePath(QStringLiteral("j")));
    QVERIFY2(outcome.applied, qPrintable(outcome.message));
    QCOMPARE(read(config), QByteArray("# keep me\napproval_policy = \"on-request\" # why\nmodel = \"o3\"\n"));
    QCOMPARE(read(outcome.backup), NeverConfig);
}

void TestFixes::managedValue_isRefusedWithWhereToChangeIt()
{
    QTemporaryDir home;
    QVERIFY(write(home.filePath(QStringLiteral(".codex/config.toml")), "model = \"o3\"\n"));
    QVERIFY(write(
        home.filePath(QStringLiteral("no-system/etc/codex/managed_config.toml")), "approval_policy = \"never\"\n"));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    const Fix *fix = fixFor(inspection, QStringLiteral("approval-never"));
    QVERIFY(fix);
    QVERIFY(!fix->applicable());
    QVERIFY2(fix->refusal.contains(QStringLiteral("managed")), qPrintable(fix->refusal));
    const FixPreview preview = FixApplier::preview(*fix);
    QVERIFY(preview.problem);
    QVERIFY(!FixApplier::apply(preview, optionsFor(home.path()), home.filePath(QStringLiteral("j"))).applied);
    QCOMPARE(read(home.filePath(QStringLiteral(".codex/config.toml"))), QByteArray("model = \"o3\"\n"));
}

void TestFixes::fixThatDoesNotHelp_isPutBack()
{
    // A fix whose change leaves the finding in place (here: a hand-made one that edits an unrelated key).
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    QVERIFY(write(config, NeverConfig));
    Fix fix{QStringLiteral("fix:test"), QStringLiteral("approval-never:approval_policy"), QStringLiteral("unrelated"),
        config, QStringLiteral("user"), {{FixOperation::Kind::Set, {QStringLiteral("model")}, QStringLiteral("gpt-5")}},
        {}, {}};
    const FixOutcome outcome =
        FixApplier::apply(FixApplier::preview(fix), optionsFor(home.path()), home.filePath(QStringLiteral("j")));
    QVERIFY(!outcome.applied);
    QVERIFY(outcome.restored);
    QVERIFY2(outcome.message.contains(QStringLiteral("put back")), qPrintable(outcome.message));
    QCOMPARE(read(config), NeverConfig);
}

void TestFixes::undo_restoresTheExactBytes()
{
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    const QByteArray crlf = QByteArray(NeverConfig).replace("\n", "\r\n");
    QVERIFY(write(config, crlf));
    const QString journal = home.filePath(QStringLiteral("journal.jsonl"));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    const FixOutcome applied = FixApplier::apply(
        FixApplier::preview(*fixFor(inspection, QStringLiteral("approval-never"))), optionsFor(home.path()), journal);
    QVERIFY2(applied.applied, qPrintable(applied.message));
    QVERIFY(read(config).contains("\"on-request\" # why\r\n"));
    const FixOutcome undone = FixApplier::undoLast(journal);
    QVERIFY2(undone.applied, qPrintable(undone.message));
    QCOMPARE(read(config), crlf);
    QVERIFY(!FixApplier::undoLast(journal).applied); // nothing left to undo
    QCOMPARE(read(journal).count('\n'), 2); // the fix and its undo
}

void TestFixes::backup_keepsTheMode()
{
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    QVERIFY(write(config, NeverConfig));
    const QFileDevice::Permissions mode =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
    QVERIFY(QFile::setPermissions(config, mode));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    const FixOutcome outcome =
        FixApplier::apply(FixApplier::preview(*fixFor(inspection, QStringLiteral("approval-never"))),
            optionsFor(home.path()), home.filePath(QStringLiteral("j")));
    QVERIFY2(outcome.applied, qPrintable(outcome.message));
    QCOMPARE(QFile::permissions(config), mode);
    QCOMPARE(QFile::permissions(outcome.backup), mode);
}

void TestFixes::diff_masksSecrets()
{
    QTemporaryDir home;
    QVERIFY(write(home.filePath(QStringLiteral(".codex/config.toml")),
        "[model_providers.corp]\nname = \"Corp\"\nbase_url = \"https://corp.example/v1\"\n"
        "experimental_bearer_token = \"sk-live-PLANTED-0123456789abcdef\"\n"));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    const Fix *fix = fixFor(inspection, QStringLiteral("plaintext-secret"));
    QVERIFY(fix);
    const FixPreview preview = FixApplier::preview(*fix);
    QVERIFY2(
        preview.diff.contains(QStringLiteral("-experimental_bearer_token = \"<masked>\"")), qPrintable(preview.diff));
    QVERIFY(preview.diff.contains(QStringLiteral("+env_key = \"CORP_API_KEY\"")));
    QVERIFY(!preview.diff.contains(QStringLiteral("PLANTED")));
    QVERIFY(preview.after.contains("env_key = \"CORP_API_KEY\"")); // the file itself gets the real edit
}

QTEST_GUILESS_MAIN(TestFixes)
#include "tst_fixes.moc"

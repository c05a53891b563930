// SPDX-License-Identifier: Apache-2.0
// Guided fixes on files: every fix of every fixture home removes its finding and keeps every comment; and the
// faults that must leave the user's bytes intact or restorable: a file changed since it was read, a symlink, a path
// with spaces and non-ASCII, a higher layer that decides, a fix that does not help, undo.
#include "core/fixes/fixapplier.h"
#include "core/fixes/fixpatch.h"
#include "core/fixes/fixsafety.h"
#include "core/inspection.h"
#include "core/report/text/textreport.h"
#include "fixrunner.h"
#include "homegenerator.h"
#include "verdict.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
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
    void everyOfferedFix_neverWidens_onFixtures();
    void everyOfferedFix_neverWidens_onGeneratedHomes();
    void moveThatWouldOpen_becomesRemovalSayingWhat_data();
    void moveThatWouldOpen_becomesRemovalSayingWhat();
    void misplacedString_movesAsTheTypeCodexTakes();
    void applyingAWideningPreview_writesNothing();
    void fixIds_areShortAndStable();
    void fileChangedSinceRead_isNotOverwritten();
    void symlinkedConfig_isWrittenThroughTheLink();
    void pathWithSpacesAndNonAscii();
    void managedValue_isRefusedWithWhereToChangeIt();
    void fixThatDoesNotHelp_isPutBack();
    void restoreThatFails_saysTheFileHoldsTheFixesBytes();
    void fixesOfOneFile_togetherMakeOnePreview_andOneBackup();
    void fixesTogether_thatWouldOpen_leaveTheOpeningOneOut();
    void fixesTogether_removingTheSameKey_isNotAProblem();
    void patch_namesFilesBelowTheBase_andLeavesOutOthers();
    void undo_restoresTheExactBytes();
    void backup_keepsTheMode();
    void diff_masksSecrets();
    void diff_masksASecretWhoseHeaderIsOutsideTheHunk();
};

void TestFixes::everyFixtureFix_removesItsFinding_andKeepsComments()
{
    QStringList failures;
    const int applied = forEachAppliedFixtureFix(
        [&failures](const QString &where, const AppliedFixtureFix &result) {
            const QString findingId = result.findingId;
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

void TestFixes::everyOfferedFix_neverWidens_onFixtures()
{
    // Judged on the written file, read back from disk: nothing of the posture is more open after any offered fix.
    QStringList failures;
    const int applied = forEachAppliedFixtureFix(
        [&failures](const QString &where, const AppliedFixtureFix &result) {
            const QStringList widened = FixSafety::widenings(result.inspectionBefore, result.inspectionAfter);
            if (!widened.isEmpty())
                failures.append(where + QStringLiteral(": ") + widened.join(QStringLiteral("; ")));
        },
        failures);
    QVERIFY(applied >= 10);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

void TestFixes::everyOfferedFix_neverWidens_onGeneratedHomes()
{
    // The differential test's generated homes (random keys, layers, profiles, projects): every applicable fix, one
    // after another on the same home, each judged against the state just before it.
    HomeGenerator generator(20261127u);
    int applied = 0;
    for (int i = 0; i < 200; ++i) {
        QTemporaryDir root;
        QString description;
        const CodexCase codexCase = generator.generate(root.path(), &description);
        const InspectOptions options = codexCase.options(true);
        for (int step = 0; step < 8; ++step) {
            const Inspection before = Inspection::run(options, QProcessEnvironment());
            const auto fix = std::find_if(before.fixes.cbegin(), before.fixes.cend(),
                [](const Fix &candidate) { return candidate.applicable(); });
            if (fix == before.fixes.cend())
                break;
            const FixOutcome outcome =
                FixApplier::apply(FixApplier::preview(*fix), options, root.filePath(QStringLiteral("journal.jsonl")));
            if (!outcome.applied)
                break; // refused or put back: the file holds its previous bytes (tested elsewhere)
            ++applied;
            const QStringList widened = FixSafety::widenings(before, Inspection::run(options, QProcessEnvironment()));
            QVERIFY2(widened.isEmpty(),
                qPrintable(QStringLiteral("#%1 %2, %3: %4").arg(i).arg(description, fix->id, widened.join(u';'))));
        }
    }
    qInfo("%d fixes applied on generated homes, none widened", applied);
    QVERIFY(applied >= 20);
}

void TestFixes::moveThatWouldOpen_becomesRemovalSayingWhat_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("finding");
    QTest::addColumn<QString>("opened");
    // Codex ignores a top-level network_access (network stays off); moving it where Codex reads it turns network on.
    QTest::newRow("misplaced network_access")
        << QByteArray("sandbox_mode = \"workspace-write\"\nnetwork_access = true\n")
        << QStringLiteral("security-setting-ignored:network_access")
        << QStringLiteral("CLI network: restricted → enabled");
    // sandbox_mode under a table is ignored (read-only stays); moving it up gives the sandbox write access.
    QTest::newRow("sandbox_mode in a table")
        << QByteArray("[shell_environment_policy]\ninherit = \"core\"\nsandbox_mode = \"danger-full-access\"\n")
        << QStringLiteral("security-setting-ignored:shell_environment_policy.sandbox_mode")
        << QStringLiteral("CLI sandbox: read-only → danger-full-access");
}

void TestFixes::moveThatWouldOpen_becomesRemovalSayingWhat()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, finding);
    QFETCH(QString, opened);
    QTemporaryDir home;
    const QString path = home.filePath(QStringLiteral(".codex/config.toml"));
    QVERIFY(write(path, config));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    const Fix *fix = fixFor(inspection, finding);
    QVERIFY2(fix, qPrintable(finding));
    // The ignored line misleads: it goes, and is not moved where it would take effect.
    QVERIFY2(fix->applicable(), qPrintable(fix->refusal));
    QCOMPARE(fix->operations.size(), 1);
    QCOMPARE(fix->operations.constFirst().kind, FixOperation::Kind::Remove);
    QVERIFY2(fix->note.contains(QStringLiteral("more open")) && fix->note.contains(opened), qPrintable(fix->note));
    const FixPreview preview = FixApplier::preview(*fix);
    QVERIFY(preview.changes());
    QVERIFY2(
        FixSafety::widenedBy(inspection, path, preview.after).isEmpty(), "a removal of an ignored key opens nothing");
    QCOMPARE(read(path), config);
    const QString report = renderTextReport(inspection, QDateTime(), false).simplified();
    QVERIFY2(report.contains(QStringLiteral("has no effect where it is written"))
            || report.contains(QStringLiteral("wrong table")),
        qPrintable(report));
}

void TestFixes::misplacedString_movesAsTheTypeCodexTakes()
{
    // A top-level network_access = "restricted": Codex wants a boolean where it reads the key, so it moves as false
    // (the move that kept the string was refused by the self-check: Codex would not start).
    QTemporaryDir home;
    const QString path = home.filePath(QStringLiteral(".codex/config.toml"));
    QVERIFY(write(path, "sandbox_mode = \"workspace-write\"\nnetwork_access = \"restricted\"\n"));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    const Fix *fix = fixFor(inspection, QStringLiteral("security-setting-ignored:network_access"));
    QVERIFY(fix);
    QVERIFY2(fix->applicable(), qPrintable(fix->refusal));
    QCOMPARE(fix->operations.size(), 2);
    QCOMPARE(fix->operations.at(1).path,
        (KeyPath{QStringLiteral("sandbox_workspace_write"), QStringLiteral("network_access")}));
    QCOMPARE(fix->operations.at(1).value, QVariant(false));
    // "enabled" would turn the network on: never moved, removed.
    QVERIFY(write(path, "sandbox_mode = \"workspace-write\"\nnetwork_access = \"enabled\"\n"));
    const Inspection enabled = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    const Fix *removal = fixFor(enabled, QStringLiteral("security-setting-ignored:network_access"));
    QVERIFY(removal);
    QCOMPARE(removal->operations.size(), 1);
    QCOMPARE(removal->operations.constFirst().kind, FixOperation::Kind::Remove);
}

void TestFixes::applyingAWideningPreview_writesNothing()
{
    // A preview made elsewhere (not through plan()) that would open the posture: apply refuses before writing.
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    QVERIFY(write(config, NeverConfig));
    Fix fix{QStringLiteral("fix:test"), QStringLiteral("approval-never:approval_policy"), QStringLiteral("open up"),
        config, QStringLiteral("user"),
        {{FixOperation::Kind::Set, {QStringLiteral("sandbox_mode")}, QStringLiteral("danger-full-access")}}, {}, {}};
    const FixOutcome outcome =
        FixApplier::apply(FixApplier::preview(fix), optionsFor(home.path()), home.filePath(QStringLiteral("j")));
    QVERIFY(!outcome.applied);
    QVERIFY(!outcome.restored); // refused before anything was written
    QVERIFY2(outcome.message.contains(QStringLiteral("more open")), qPrintable(outcome.message));
    QCOMPARE(read(config), NeverConfig);
}

void TestFixes::fixIds_areShortAndStable()
{
    // A finding about a folder or a file: its fix id hashes the path (short to type, the same on every run).
    QTemporaryDir home;
    QVERIFY(write(home.filePath(QStringLiteral(".codex/config.toml")),
        "approval_policy = \"never\"\n[projects.\"" + QFile::encodeName(home.path())
            + "\"]\ntrust_level = \"trusted\"\n"));
    const auto ids = [&home] {
        QStringList list;
        for (const Fix &fix : Inspection::run(optionsFor(home.path()), QProcessEnvironment()).fixes)
            list.append(fix.id);
        return list;
    };
    const QStringList first = ids();
    QCOMPARE(ids(), first);
    QVERIFY2(first.contains(QStringLiteral("fix:approval-never:approval_policy")), qPrintable(first.join(u' ')));
    const QString trust = first.filter(QStringLiteral("broad-trust")).value(0);
    QVERIFY2(QRegularExpression(QStringLiteral("^fix:broad-trust:[0-9a-f]{8}$")).match(trust).hasMatch(),
        qPrintable(first.join(u' ')));
    for (const QString &id : first)
        QVERIFY2(!id.contains(u'/'), qPrintable(id));
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

void TestFixes::restoreThatFails_saysTheFileHoldsTheFixesBytes()
{
    // The fix does not help, and the write that should put the old bytes back fails (the test seam: the first write
    // goes to disk, the second fails as a full disk would).
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    QVERIFY(write(config, NeverConfig));
    Fix fix{QStringLiteral("fix:test"), QStringLiteral("approval-never:approval_policy"), QStringLiteral("unrelated"),
        config, QStringLiteral("user"), {{FixOperation::Kind::Set, {QStringLiteral("model")}, QStringLiteral("gpt-5")}},
        {}, {}};
    const FixPreview preview = FixApplier::preview(fix);
    int writes = 0;
    FixApplier::setFileWriterForTesting([&writes](const QString &path, const QByteArray &bytes) {
        if (++writes > 1)
            return QStringLiteral("No space left on device");
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() ? QString() : file.errorString();
    });
    const QString journal = home.filePath(QStringLiteral("j"));
    const FixOutcome outcome = FixApplier::apply(preview, optionsFor(home.path()), journal);
    FixApplier::setFileWriterForTesting({});
    QCOMPARE(writes, 2);
    QVERIFY(!outcome.applied);
    QVERIFY(!outcome.restored);
    QVERIFY(outcome.restoreFailed);
    QCOMPARE(read(config), preview.after);
    QCOMPARE(read(outcome.backup), NeverConfig);
    QVERIFY2(outcome.message.contains(QStringLiteral("now holds the fix's bytes")), qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(outcome.backup), qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QStringLiteral("No space left on device")), qPrintable(outcome.message));
    QVERIFY(!outcome.message.contains(QStringLiteral("holds its previous bytes")));
    // The journal still ends with the fix, so --undo puts the backup back.
    const FixOutcome undone = FixApplier::undoLast(journal);
    QVERIFY2(undone.applied, qPrintable(undone.message));
    QCOMPARE(read(config), NeverConfig);
}

void TestFixes::fixesOfOneFile_togetherMakeOnePreview_andOneBackup()
{
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    const QByteArray bytes = "# keep me\napproval_policy = \"never\" # why\nweb_search = \"live\"\n"
                             "[sandbox_workspace_write]\nnetwork_access = true # egress\n";
    QVERIFY(write(config, "sandbox_mode = \"workspace-write\"\n" + bytes));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    QList<Fix> applicable;
    for (const Fix &fix : inspection.fixes) {
        if (fix.applicable())
            applicable.append(fix);
    }
    QVERIFY2(applicable.size() >= 3, qPrintable(QString::number(applicable.size())));
    const QList<FixPreview> previews = FixApplier::previewTogether(applicable, inspection);
    QCOMPARE(previews.size(), 1);
    const FixPreview &preview = previews.constFirst();
    QVERIFY(!preview.problem);
    QCOMPARE(preview.fixes.size(), applicable.size());
    QCOMPARE(preview.fixIds().size(), applicable.size());
    QCOMPARE(preview.diff.count(QStringLiteral("+++ ")), 1);
    const FixOutcome outcome = FixApplier::apply(preview, optionsFor(home.path()), home.filePath(QStringLiteral("j")));
    QVERIFY2(outcome.applied, qPrintable(outcome.message));
    QCOMPARE(QDir(home.filePath(QStringLiteral(".codex"))).entryList({QStringLiteral("*.bak")}, QDir::Files).size(), 1);
    const QByteArray written = read(config);
    QVERIFY2(written.contains("approval_policy = \"on-request\" # why\n"), written.constData());
    QVERIFY2(written.contains("network_access = false # egress\n"), written.constData());
    QVERIFY(written.contains("# keep me\n"));
    const Inspection after = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    for (const Fix &fix : applicable) {
        QVERIFY2(std::none_of(after.findings.cbegin(), after.findings.cend(),
                     [&fix](const Finding &finding) { return finding.id == fix.findingId; }),
            qPrintable(fix.findingId));
    }
    QVERIFY(FixSafety::widenings(inspection, after).isEmpty());
}

void TestFixes::fixesTogether_thatWouldOpen_leaveTheOpeningOneOut()
{
    // Hand-made fixes of one file: the second would give full access. It is left out with the reason; the first goes
    // on.
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    QVERIFY(write(config, NeverConfig));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    const Fix *approval = fixFor(inspection, QStringLiteral("approval-never"));
    QVERIFY(approval);
    const Fix opening{QStringLiteral("fix:open"), QStringLiteral("x"), QStringLiteral("open up"), config,
        QStringLiteral("user"),
        {{FixOperation::Kind::Set, {QStringLiteral("sandbox_mode")}, QStringLiteral("danger-full-access")}}, {}, {}};
    const QList<FixPreview> previews = FixApplier::previewTogether({*approval, opening}, inspection);
    QCOMPARE(previews.size(), 2);
    QCOMPARE(previews.at(0).fixIds(), QStringList{approval->id});
    QVERIFY(previews.at(0).changes());
    QVERIFY(!previews.at(0).after.contains("danger-full-access"));
    QCOMPARE(previews.at(1).fixIds(), QStringList{QStringLiteral("fix:open")});
    QVERIFY(previews.at(1).problem);
    QVERIFY2(
        previews.at(1).problem->text.contains(QStringLiteral("more open")), qPrintable(previews.at(1).problem->text));
}

void TestFixes::fixesTogether_removingTheSameKey_isNotAProblem()
{
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    QVERIFY(write(config, NeverConfig));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    const auto removal = [&config](const QString &id) {
        return Fix{id, QStringLiteral("x"), QStringLiteral("remove model"), config, QStringLiteral("user"),
            {{FixOperation::Kind::Remove, {QStringLiteral("model")}, {}}}, {}, {}};
    };
    const QList<FixPreview> previews =
        FixApplier::previewTogether({removal(QStringLiteral("fix:a")), removal(QStringLiteral("fix:b"))}, inspection);
    QCOMPARE(previews.size(), 1);
    QVERIFY(!previews.constFirst().problem);
    QCOMPARE(previews.constFirst().fixIds(), (QStringList{QStringLiteral("fix:a"), QStringLiteral("fix:b")}));
    QCOMPARE(previews.constFirst().after, QByteArray("# keep me\napproval_policy = \"never\" # why\n"));
}

void TestFixes::patch_namesFilesBelowTheBase_andLeavesOutOthers()
{
    // A symlinked config is patched at its target (inside the base here); a file outside the base is left out, saying
    // why; a refused fix is not in it.
    QTemporaryDir root;
    const QString home = root.filePath(QStringLiteral("home"));
    QVERIFY(write(home + QStringLiteral("/dotfiles/codex.toml"), NeverConfig));
    QVERIFY(QDir().mkpath(home + QStringLiteral("/.codex")));
    QVERIFY(QFile::link(QStringLiteral("../dotfiles/codex.toml"), home + QStringLiteral("/.codex/config.toml")));
    const QString outside = root.filePath(QStringLiteral("elsewhere/config.toml"));
    QVERIFY(write(outside, NeverConfig));
    const auto setModel = [](const QString &id, const QString &file) {
        return Fix{id, QStringLiteral("x"), QStringLiteral("model"), file, QStringLiteral("user"),
            {{FixOperation::Kind::Set, {QStringLiteral("model")}, QStringLiteral("gpt-5")}}, {}, {}};
    };
    Fix refused = setModel(QStringLiteral("fix:refused"), outside);
    refused.refusal = QStringLiteral("a higher layer decides");
    const QList<FixPreview> previews{
        FixApplier::preview(setModel(QStringLiteral("fix:in"), home + QStringLiteral("/.codex/config.toml"))),
        FixApplier::preview(setModel(QStringLiteral("fix:out"), outside)), FixApplier::preview(refused)};
    const FixPatch::Patch patch = FixPatch::make(previews, home);
    QCOMPARE(patch.files, QStringList{QStringLiteral("dotfiles/codex.toml")});
    QVERIFY2(patch.text.contains("--- a/dotfiles/codex.toml\n+++ b/dotfiles/codex.toml\n"), patch.text.constData());
    QVERIFY(patch.text.contains("-model = \"o3\"\n+model = \"gpt-5\"\n"));
    QCOMPARE(patch.leftOut.size(), 1); // the refused fix has nothing to patch: its problem says why
    QVERIFY2(patch.leftOut.at(0).contains(QStringLiteral("fix:out"))
            && patch.leftOut.at(0).contains(QStringLiteral("outside")),
        qPrintable(patch.leftOut.at(0)));
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

void TestFixes::diff_masksASecretWhoseHeaderIsOutsideTheHunk()
{
    // Only the lines shown are masked, each after the table header above it: here the header is 6 lines up.
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    QVERIFY(write(config,
        "model = \"o3\"\n[mcp_servers.gh.env]\nA = \"1\"\nB = \"2\"\nC = \"3\"\nD = \"4\"\n"
        "GITHUB_TOKEN = \"ghp_PLANTEDplanted0123456789abcdef\"\nE = \"5\"\n"));
    const Fix fix{QStringLiteral("fix:test"), QStringLiteral("x"), QStringLiteral("add F"), config,
        QStringLiteral("user"),
        {{FixOperation::Kind::Set,
            {QStringLiteral("mcp_servers"), QStringLiteral("gh"), QStringLiteral("env"), QStringLiteral("F")},
            QStringLiteral("6")}},
        {}, {}};
    const FixPreview preview = FixApplier::preview(fix);
    QVERIFY2(!preview.diff.contains(QStringLiteral("[mcp_servers")), qPrintable(preview.diff));
    QVERIFY2(preview.diff.contains(QStringLiteral(" GITHUB_TOKEN = \"<masked>\"\n")), qPrintable(preview.diff));
    // D is no secret's name: only the header above it says it is an MCP server's environment.
    QVERIFY2(preview.diff.contains(QStringLiteral(" D = \"<masked>\"\n")), qPrintable(preview.diff));
    QVERIFY2(preview.diff.contains(QStringLiteral("+F = \"<masked>\"\n")), qPrintable(preview.diff)); // every env value
    QVERIFY(!preview.diff.contains(QStringLiteral("PLANTED")));
}

QTEST_GUILESS_MAIN(TestFixes)
#include "tst_fixes.moc"

// SPDX-License-Identifier: Apache-2.0
// `codex-posture --fix` as an onboarding script runs it, and the faults only the real process meets: a read-only
// directory and a full disk (a tiny tmpfs in a private mount namespace). After each, the user's bytes are intact and
// the message says what happened.
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

const QByteArray Config = "# onboarding test\napproval_policy = \"never\" # temporary\nmodel = \"o3\"\n";

Run run(const QStringList &command, const QString &dataHome)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CODEX_HOME"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome); // the journal
    // Never this machine's own home, whatever a command names or leaves out.
    environment.insert(QStringLiteral("HOME"), dataHome + QStringLiteral("/no-home"));
    process.setProcessEnvironment(environment);
    QStringList arguments = command;
    process.start(arguments.takeFirst(), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// An empty system root, so that no /etc/codex of this machine is read (and the home is no part of a copied machine,
// which codex-posture never writes to).
QString emptySystemRoot()
{
    static const QTemporaryDir root;
    return root.path();
}

// systemRoot: where /etc/codex is read (a test's managed configuration), the empty one by default.
QStringList fixCommand(const QString &home, const QStringList &extra, const QString &systemRoot = emptySystemRoot())
{
    return QStringList{QStringLiteral(POSTURE_APP_BINARY), QStringLiteral("--home"), home, QStringLiteral("--cwd"),
               home, QStringLiteral("--system-root"), systemRoot, QStringLiteral("--no-live-probe"),
               QStringLiteral("--fix"), QStringLiteral("fix:approval-never:approval_policy")}
    + extra;
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool writeConfig(const QString &home, const QByteArray &bytes = Config)
{
    return writeFile(home + QStringLiteral("/.codex/config.toml"), bytes);
}

// Every file below a directory (relative path → bytes), without fix backups.
QMap<QString, QByteArray> filesBelow(const QString &directory)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.endsWith(QStringLiteral(".bak")))
            files.insert(QDir(directory).relativeFilePath(path), read(path));
    }
    return files;
}

bool copyTree(const QString &from, const QString &to)
{
    const QMap<QString, QByteArray> files = filesBelow(from);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!writeFile(to + u'/' + it.key(), it.value()))
            return false;
    }
    return true;
}

Run runIn(const QString &directory, const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QStringList allFixes(const QString &home, const QStringList &extra)
{
    QStringList command = fixCommand(home, extra);
    command[command.indexOf(QStringLiteral("fix:approval-never:approval_policy"))] = QStringLiteral("all");
    return command;
}

} // namespace

class TestFixCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutYes_showsTheDiffAndWritesNothing();
    void withYes_writes_andUndoPutsItBack();
    void unknownFix_listsTheFixes();
    void fixAll_neverPrintsASecret();
    void onlyRefusedFixes_sayWhyAndOfferNoYes();
    void ignoredKeyThatWouldOpen_isRemovedNotMoved();
    void managedValue_namesNoEmptyFile();
    void readOnlyDirectory_changesNothing();
    void fullDisk_changesNothing();
    void unusableInputFile_refusesFixAndUndo_data();
    void unusableInputFile_refusesFixAndUndo();
    void fixAll_writesOneBackupPerFile();
    void patch_givesTheBytesYesWrites_data();
    void patch_givesTheBytesYesWrites();
    void patch_withYes_isAUsageError();
    void patch_ofAFileOutsideTheHome_isRefusedByName();
    void secretFix_backupIsPrivateNamedAndRemovable();
    void copiedMachine_isNeverWritten_data();
    void copiedMachine_isNeverWritten();
};

void TestFixCommand::withoutYes_showsTheDiffAndWritesNothing()
{
    QTemporaryDir dir;
    QVERIFY(writeConfig(dir.path()));
    const Run result = run(fixCommand(dir.path(), {}), dir.filePath(QStringLiteral("data")));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("-approval_policy = \"never\" # temporary\n"
                                                "+approval_policy = \"on-request\" # temporary\n")),
        qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral("Nothing was written")));
    QCOMPARE(read(dir.filePath(QStringLiteral(".codex/config.toml"))), Config);
}

void TestFixCommand::withYes_writes_andUndoPutsItBack()
{
    QTemporaryDir dir;
    QVERIFY(writeConfig(dir.path()));
    const QString data = dir.filePath(QStringLiteral("data"));
    const Run fixed = run(fixCommand(dir.path(), {QStringLiteral("--yes")}), data);
    QCOMPARE(fixed.exitCode, 0);
    QVERIFY2(fixed.out.contains(QStringLiteral("backup")), qPrintable(fixed.out));
    QCOMPARE(read(dir.filePath(QStringLiteral(".codex/config.toml"))),
        QByteArray("# onboarding test\napproval_policy = \"on-request\" # temporary\nmodel = \"o3\"\n"));
    QVERIFY(QFileInfo::exists(data + QStringLiteral("/codex-posture/journal.jsonl")));
    const Run undone = run({QStringLiteral(POSTURE_APP_BINARY), QStringLiteral("--undo")}, data);
    QCOMPARE(undone.exitCode, 0);
    QCOMPARE(read(dir.filePath(QStringLiteral(".codex/config.toml"))), Config);
}

void TestFixCommand::unknownFix_listsTheFixes()
{
    QTemporaryDir dir;
    QVERIFY(writeConfig(dir.path()));
    QStringList command = fixCommand(dir.path(), {});
    command[command.indexOf(QStringLiteral("fix:approval-never:approval_policy"))] = QStringLiteral("fix:nope");
    const Run result = run(command, dir.filePath(QStringLiteral("data")));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("fix:approval-never:approval_policy")), qPrintable(result.err));
}

void TestFixCommand::fixAll_neverPrintsASecret()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral(".codex"))));
    QFile file(dir.filePath(QStringLiteral(".codex/config.toml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "[model_providers.corp]\nname = \"Corp\"\nbase_url = \"https://corp.example/v1\"\n"
        "experimental_bearer_token = \"sk-live-PLANTED-0123456789abcdef\"\n"
        "[mcp_servers.gh]\ncommand = \"gh-mcp\"\nenv = { GITHUB_TOKEN = \"ghp_PLANTEDplanted0123456789abcdef\" }\n");
    file.close();
    QStringList command = fixCommand(dir.path(), {});
    command[command.indexOf(QStringLiteral("fix:approval-never:approval_policy"))] = QStringLiteral("all");
    const Run result = run(command, dir.filePath(QStringLiteral("data")));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("<masked>")), qPrintable(result.out));
    QVERIFY2(!result.out.contains(QStringLiteral("PLANTED")) && !result.err.contains(QStringLiteral("PLANTED")),
        qPrintable(result.out));
}

void TestFixCommand::onlyRefusedFixes_sayWhyAndOfferNoYes()
{
    // The managed configuration decides "never" (and nothing else is wrong): `--fix all` has only a refused fix, says
    // why, and does not suggest --yes.
    QTemporaryDir dir;
    QVERIFY(writeConfig(dir.path()));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("etc/codex"))));
    QFile managed(dir.filePath(QStringLiteral("etc/codex/managed_config.toml")));
    QVERIFY(managed.open(QIODevice::WriteOnly) && managed.write("approval_policy = \"never\"\n") > 0);
    managed.close();
    QStringList command = fixCommand(dir.path(), {}, dir.path());
    command[command.indexOf(QStringLiteral("fix:approval-never:approval_policy"))] = QStringLiteral("all");
    const Run result = run(command, dir.filePath(QStringLiteral("data")));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(QStringLiteral("managed configuration")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("none of these fixes can be applied")), qPrintable(result.out));
    QVERIFY2(!result.out.contains(QStringLiteral("--yes")), qPrintable(result.out));
    QCOMPARE(read(dir.filePath(QStringLiteral(".codex/config.toml"))), Config);
}

void TestFixCommand::ignoredKeyThatWouldOpen_isRemovedNotMoved()
{
    // sandbox_mode stranded in a table is ignored (read-only stays); moving it up would give full access, so the fix
    // offered removes the misleading line and says what moving it would open.
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral(".codex"))));
    QFile file(dir.filePath(QStringLiteral(".codex/config.toml")));
    const QByteArray config = "[shell_environment_policy]\ninherit = \"core\"\nsandbox_mode = \"danger-full-access\"\n";
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(config) == config.size());
    file.close();
    QStringList command = fixCommand(dir.path(), {});
    command[command.indexOf(QStringLiteral("fix:approval-never:approval_policy"))] = QStringLiteral("all");
    const Run result = run(command, dir.filePath(QStringLiteral("data")));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("-sandbox_mode = \"danger-full-access\"")), qPrintable(result.out));
    QVERIFY2(!result.out.contains(QStringLiteral("+sandbox_mode")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("more open")), qPrintable(result.out));
    QCOMPARE(read(dir.filePath(QStringLiteral(".codex/config.toml"))), config);
}

void TestFixCommand::managedValue_namesNoEmptyFile()
{
    // The managed configuration (below the system root, here the home's folder) decides "never": the fix
    // is refused, and there is no file of the user's to name.
    QTemporaryDir dir;
    QVERIFY(writeConfig(dir.path()));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("etc/codex"))));
    QFile managed(dir.filePath(QStringLiteral("etc/codex/managed_config.toml")));
    QVERIFY(managed.open(QIODevice::WriteOnly) && managed.write("approval_policy = \"never\"\n") > 0);
    managed.close();
    const Run result = run(fixCommand(dir.path(), {}, dir.path()), dir.filePath(QStringLiteral("data")));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(QStringLiteral("managed configuration")), qPrintable(result.out));
    QVERIFY2(!result.out.contains(QStringLiteral("file:  (")) && !result.out.contains(QStringLiteral("()")),
        qPrintable(result.out));
}

void TestFixCommand::readOnlyDirectory_changesNothing()
{
    // Root ignores file modes, so the directory is made read-only by a read-only bind mount of its own.
    if (::geteuid() != 0)
        QSKIP("needs root for a read-only bind mount in a private mount namespace (CI runs as root)");
    QTemporaryDir dir;
    QVERIFY(writeConfig(dir.path()));
    const QString codexHome = dir.filePath(QStringLiteral(".codex"));
    const QStringList command =
        QStringList{QStringLiteral("unshare"), QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\""), codexHome}
        + fixCommand(dir.path(), {QStringLiteral("--yes")});
    const Run result = run(command, dir.filePath(QStringLiteral("data")));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(
        result.out.contains(QStringLiteral("nothing was changed")) || result.out.contains(QStringLiteral("unchanged")),
        qPrintable(result.out + result.err));
    QCOMPARE(read(codexHome + QStringLiteral("/config.toml")), Config);
}

void TestFixCommand::fullDisk_changesNothing()
{
    // A 64 KiB tmpfs filled to the last block; the script prints the file afterwards, before the mount goes away.
    if (::geteuid() != 0)
        QSKIP("needs root to mount a small tmpfs in a private mount namespace (CI runs as root)");
    QTemporaryDir dir;
    const QString script =
        QStringLiteral("set -e; m=\"$0\"; mount -t tmpfs -o size=64k tmpfs \"$m\"; mkdir -p \"$m/h/.codex\"; "
                       "printf '%s' \"$CONFIG\" > \"$m/h/.codex/config.toml\"; mkdir \"$m/system\"; "
                       "dd if=/dev/zero of=\"$m/fill\" bs=1k count=1000 2>/dev/null || true; "
                       "set +e; \"$@\" --home \"$m/h\" --cwd \"$m/h\" --system-root \"$m/system\"; echo \"status=$?\"; "
                       "echo '---'; cat "
                       "\"$m/h/.codex/config.toml\"");
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.insert(QStringLiteral("CONFIG"), QString::fromUtf8(Config));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("unshare"),
        {QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"), script, dir.path(),
            QStringLiteral(POSTURE_APP_BINARY), QStringLiteral("--no-live-probe"), QStringLiteral("--fix"),
            QStringLiteral("fix:approval-never:approval_policy"), QStringLiteral("--yes")});
    QVERIFY(process.waitForFinished(60000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(out.contains(QStringLiteral("status=1\n")),
        qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
    QVERIFY2(out.contains(QStringLiteral("No space left")) || out.contains(QStringLiteral("nothing was changed")),
        qPrintable(out));
    QVERIFY2(out.endsWith(QStringLiteral("---\n") + QString::fromUtf8(Config)), qPrintable(out));
}

void TestFixCommand::unusableInputFile_refusesFixAndUndo_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("where"); // the start of the location stderr must name
    QTest::addColumn<bool>("undo");
    const QByteArray acceptWithoutOwner =
        "[[accept]]\nid = \"approval-never:approval_policy\"\nreason = \"CI\"\nexpires = 2099-01-01\n";
    const QByteArray brokenToml = "[local]\napproval_policy = [\"on-request\"\n";
    QTest::newRow("--fix, --accept without owner")
        << QStringLiteral("--accept") << acceptWithoutOwner << QStringLiteral("input.toml:1:") << false;
    QTest::newRow("--fix, --baseline that is no TOML")
        << QStringLiteral("--baseline") << brokenToml << QStringLiteral("input.toml:2:") << false;
    QTest::newRow("--undo, --accept without owner")
        << QStringLiteral("--accept") << acceptWithoutOwner << QStringLiteral("input.toml:1:") << true;
    QTest::newRow("--undo, --baseline that is no TOML")
        << QStringLiteral("--baseline") << brokenToml << QStringLiteral("input.toml:2:") << true;
}

void TestFixCommand::unusableInputFile_refusesFixAndUndo()
{
    // As a report exits 2 on such a file, so do --fix (before showing or writing anything) and --undo.
    QFETCH(QString, option);
    QFETCH(QByteArray, content);
    QFETCH(QString, where);
    QFETCH(bool, undo);
    QTemporaryDir dir;
    QVERIFY(writeConfig(dir.path()));
    const QString input = dir.filePath(QStringLiteral("input.toml"));
    QVERIFY(writeFile(input, content));
    const QString data = dir.filePath(QStringLiteral("data"));
    if (undo) // something to undo, so that only the input file can stop it
        QCOMPARE(run(fixCommand(dir.path(), {QStringLiteral("--yes")}), data).exitCode, 0);
    const QByteArray before = read(dir.filePath(QStringLiteral(".codex/config.toml")));
    const Run result = undo ? run({QStringLiteral(POSTURE_APP_BINARY), QStringLiteral("--undo"), option, input}, data)
                            : run(fixCommand(dir.path(), {option, input, QStringLiteral("--yes")}), data);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(where), qPrintable(result.err));
    QVERIFY2(result.err.contains(QStringLiteral("\n  ")), qPrintable(result.err)); // what to do, under the location
    QVERIFY2(!result.out.contains(QStringLiteral("+++")), qPrintable(result.out));
    QCOMPARE(read(dir.filePath(QStringLiteral(".codex/config.toml"))), before);
}

void TestFixCommand::fixAll_writesOneBackupPerFile()
{
    QTemporaryDir dir;
    const QByteArray config = "sandbox_mode = \"workspace-write\"\napproval_policy = \"never\"\nweb_search = \"live\"\n"
                              "[sandbox_workspace_write]\nnetwork_access = true\n";
    QVERIFY(writeConfig(dir.path(), config));
    const Run result = run(allFixes(dir.path(), {QStringLiteral("--yes")}), dir.filePath(QStringLiteral("data")));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.count(QStringLiteral("+++ ")), 1);
    QVERIFY2(result.out.count(QStringLiteral("\nfix:")) >= 3, qPrintable(result.out));
    QCOMPARE(QDir(dir.filePath(QStringLiteral(".codex"))).entryList({QStringLiteral("*.bak")}, QDir::Files).size(), 1);
    QCOMPARE(read(dir.filePath(QStringLiteral("data/codex-posture/journal.jsonl"))).count('\n'), 1);
}

void TestFixCommand::patch_givesTheBytesYesWrites_data()
{
    QTest::addColumn<QByteArray>("config");
    // The fixture's BOM, CRLF endings and comments, with two values made risky.
    QFile fixture(QStringLiteral(POSTURE_TEST_DATA_DIR "/fixtures/homes/crlf-bom-comments/home/.codex/config.toml"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QByteArray crlf = fixture.readAll();
    QVERIFY(crlf.startsWith("\xEF\xBB\xBF") && crlf.contains("\r\n"));
    crlf.replace("approval_policy = \"on-request\"", "approval_policy = \"never\"");
    crlf.replace("network_access = false", "network_access = true");
    QTest::newRow("crlf-bom-comments") << crlf;
    QTest::newRow("no final newline") << QByteArray("sandbox_mode = \"workspace-write\"\napproval_policy = \"never\"\n"
                                                    "[sandbox_workspace_write]\nnetwork_access = true # egress");
    QTest::newRow("a table to add at the end")
        << QByteArray("sandbox_mode = \"workspace-write\" # keep\nweb_search = \"live\"\n"
                      "[sandbox_workspace_write]\nnetwork_access = true\n[mcp_servers.gh]\ncommand = \"gh-mcp\"\n"
                      "env = { GITHUB_TOKEN = \"ghp_PLANTEDplanted0123456789abcdef\" }\n");
}

void TestFixCommand::patch_givesTheBytesYesWrites()
{
    // The patch of `--fix all --patch`, applied by git apply and by patch -p1 in two copies of the home, gives the
    // bytes `--fix all --yes` writes in the home itself.
    QFETCH(QByteArray, config);
    const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
    const QString patchTool = QStandardPaths::findExecutable(QStringLiteral("patch"));
    QVERIFY2(!git.isEmpty() && !patchTool.isEmpty(), "git and patch are in scripts/buildroot-packages.txt");
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("machine/home/zoë"));
    QVERIFY(writeConfig(home, config));
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString patchFile = dir.filePath(QStringLiteral("fixes.patch"));
    const QMap<QString, QByteArray> original = filesBelow(home);

    const Run patched = run(allFixes(home, {QStringLiteral("--patch"), patchFile}), data);
    QCOMPARE(patched.exitCode, 0);
    QVERIFY2(patched.out.contains(QStringLiteral("Wrote the patch")), qPrintable(patched.out + patched.err));
    QCOMPARE(filesBelow(home), original); // no config file written, no backup
    QVERIFY(!QFileInfo::exists(data + QStringLiteral("/codex-posture/journal.jsonl")));
    QCOMPARE(
        QFile::permissions(patchFile) & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    QVERIFY(read(patchFile).contains("--- a/.codex/config.toml\n+++ b/.codex/config.toml\n"));

    const QString byGit = dir.filePath(QStringLiteral("by-git"));
    const QString byPatch = dir.filePath(QStringLiteral("by-patch"));
    QVERIFY(copyTree(home, byGit) && copyTree(home, byPatch));
    const Run gitApply = runIn(byGit, git, {QStringLiteral("apply"), patchFile});
    QVERIFY2(gitApply.exitCode == 0, qPrintable(gitApply.out + gitApply.err));
    const Run patchApply = runIn(byPatch, patchTool,
        {QStringLiteral("-p1"), QStringLiteral("--no-backup-if-mismatch"), QStringLiteral("-i"), patchFile});
    QVERIFY2(patchApply.exitCode == 0, qPrintable(patchApply.out + patchApply.err));

    const Run written = run(allFixes(home, {QStringLiteral("--yes")}), data);
    QVERIFY2(written.exitCode == 0, qPrintable(written.out + written.err));
    const QMap<QString, QByteArray> expected = filesBelow(home);
    QVERIFY(expected != original);
    QCOMPARE(filesBelow(byGit), expected);
    QCOMPARE(filesBelow(byPatch), expected);
}

void TestFixCommand::patch_withYes_isAUsageError()
{
    QTemporaryDir dir;
    QVERIFY(writeConfig(dir.path()));
    const Run result = run(
        fixCommand(dir.path(), {QStringLiteral("--patch"), dir.filePath(QStringLiteral("p")), QStringLiteral("--yes")}),
        dir.filePath(QStringLiteral("data")));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("--patch")), qPrintable(result.err));
    QCOMPARE(read(dir.filePath(QStringLiteral(".codex/config.toml"))), Config);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("p"))));
}

void TestFixCommand::patch_ofAFileOutsideTheHome_isRefusedByName()
{
    // A trusted project beside the home decides the approval: a copy of the home cannot reach its file.
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString project = dir.filePath(QStringLiteral("project"));
    QVERIFY(writeConfig(home, "[projects.\"" + QFile::encodeName(project) + "\"]\ntrust_level = \"trusted\"\n"));
    QVERIFY(writeFile(project + QStringLiteral("/.codex/config.toml"), "approval_policy = \"never\"\n"));
    const QString patchFile = dir.filePath(QStringLiteral("fixes.patch"));
    const Run result = run({QStringLiteral(POSTURE_APP_BINARY), QStringLiteral("--home"), home, QStringLiteral("--cwd"),
                               project, QStringLiteral("--system-root"), home, QStringLiteral("--no-live-probe"),
                               QStringLiteral("--fix"), QStringLiteral("all"), QStringLiteral("--patch"), patchFile},
        dir.filePath(QStringLiteral("data")));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(QStringLiteral("not in the patch: ") + project), qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("outside ") + home), qPrintable(result.out));
    QVERIFY(!QFileInfo::exists(patchFile));
    QCOMPARE(read(project + QStringLiteral("/.codex/config.toml")), QByteArray("approval_policy = \"never\"\n"));
}

// The secret fix moves a token out of a config others can read: the backup keeps the old bytes, token included, so it
// is written for its owner only; the fix's output names it and says so, the report lists it as a finding, and
// --remove-backups (confirmed by --yes) removes it.
void TestFixCommand::secretFix_backupIsPrivateNamedAndRemovable()
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString data = dir.filePath(QStringLiteral("data"));
    const QByteArray token = "ghp_PLANTEDbackup0123456789abcdefXY";
    QVERIFY(writeConfig(home, "[mcp_servers.gh]\ncommand = \"gh-mcp\"\nenv = { GITHUB_TOKEN = \"" + token + "\" }\n"));
    const QString config = home + QStringLiteral("/.codex/config.toml");
    QVERIFY(
        QFile::setPermissions(config, QFile::permissions(config) | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QStringList command = fixCommand(home, {QStringLiteral("--yes")});
    command[command.indexOf(QStringLiteral("fix:approval-never:approval_policy"))] =
        QStringLiteral("fix:plaintext-secret:mcp_servers.gh.env.GITHUB_TOKEN");
    const Run fixed = run(command, data);
    QVERIFY2(fixed.exitCode == 0, qPrintable(fixed.out + fixed.err));
    QVERIFY(!read(config).contains(token));
    const QStringList backups =
        QDir(home + QStringLiteral("/.codex")).entryList({QStringLiteral("config.toml.codex-posture-*.bak")});
    QCOMPARE(backups.size(), 1);
    const QString backup = home + QStringLiteral("/.codex/") + backups.constFirst();
    QVERIFY(read(backup).contains(token));
    QCOMPARE(QFile::permissions(backup)
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
        QFileDevice::Permissions());
    QVERIFY2(fixed.out.contains(QStringLiteral("The backup %1 still holds the secret").arg(backup))
            && fixed.out.contains(QStringLiteral("--remove-backups")),
        qPrintable(fixed.out));
    QVERIFY2(!fixed.out.contains(QString::fromLatin1(token)), qPrintable(fixed.out));

    const QStringList scope{QStringLiteral(POSTURE_APP_BINARY), QStringLiteral("--home"), home, QStringLiteral("--cwd"),
        home, QStringLiteral("--system-root"), emptySystemRoot(), QStringLiteral("--no-live-probe")};
    const Run report = run(scope + QStringList{QStringLiteral("--report"), QStringLiteral("text")}, data);
    QVERIFY2(
        report.out.contains(QStringLiteral("secret-in-backup")) && report.out.contains(backup), qPrintable(report.out));
    const Run listed = run(scope + QStringList{QStringLiteral("--remove-backups")}, data);
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains(backup + QStringLiteral("  (holds a secret)")) && listed.out.contains(u"--yes"),
        qPrintable(listed.out));
    QVERIFY(QFile::exists(backup));
    const Run removed = run(scope + QStringList{QStringLiteral("--remove-backups"), QStringLiteral("--yes")}, data);
    QVERIFY2(
        removed.exitCode == 0 && removed.out.contains(QStringLiteral("Removed 1 backup")), qPrintable(removed.out));
    QVERIFY(!QFile::exists(backup));
    QVERIFY(!run(scope + QStringList{QStringLiteral("--report"), QStringLiteral("text")}, data)
            .out.contains(QStringLiteral("secret-in-backup")));
}

// Every path that writes, tried against a copied machine (--system-root DIR, its home inside DIR): each refuses, says
// why and where to go instead, and the copy's tree (every file, its bytes and its mode) is what it was.
void TestFixCommand::copiedMachine_isNeverWritten_data()
{
    QTest::addColumn<QStringList>("arguments"); // after the binary; @ROOT@ is the copy, @HOME@ its home
    QTest::addColumn<QString>("says");
    const auto row = [](const char *name, const QStringList &arguments, const QString &says) {
        QTest::newRow(name) << arguments << says;
    };
    const QStringList scope{QStringLiteral("--system-root"), QStringLiteral("@ROOT@"), QStringLiteral("--home"),
        QStringLiteral("@HOME@"), QStringLiteral("--cwd"), QStringLiteral("@HOME@"), QStringLiteral("--no-live-probe")};
    row("fix all --yes", scope + QStringList{QStringLiteral("--fix"), QStringLiteral("all"), QStringLiteral("--yes")},
        QStringLiteral("--patch"));
    row("fix one --yes",
        scope
            + QStringList{QStringLiteral("--fix"), QStringLiteral("fix:full-access:sandbox_mode"),
                QStringLiteral("--yes")},
        QStringLiteral("--patch"));
    row("undo", scope + QStringList{QStringLiteral("--undo")}, QStringLiteral("copied machine"));
    row("report --output into the copy",
        scope
            + QStringList{QStringLiteral("--report"), QStringLiteral("json"), QStringLiteral("--output"),
                QStringLiteral("@HOME@/report.json")},
        QStringLiteral("outside the copy"));
    row("patch into the copy",
        scope
            + QStringList{QStringLiteral("--fix"), QStringLiteral("all"), QStringLiteral("--patch"),
                QStringLiteral("@ROOT@/fixes.patch")},
        QStringLiteral("outside the copy"));
    row("fix all --yes, the home found in the copy",
        QStringList{QStringLiteral("--system-root"), QStringLiteral("@ROOT@"), QStringLiteral("--no-live-probe"),
            QStringLiteral("--fix"), QStringLiteral("all"), QStringLiteral("--yes")},
        QStringLiteral("--patch"));
}

void TestFixCommand::copiedMachine_isNeverWritten()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("copy"));
    const QString home = root + QStringLiteral("/home/alice");
    const QString data = dir.filePath(QStringLiteral("data"));
    QVERIFY(writeConfig(home,
        "approval_policy = \"never\"\nsandbox_mode = \"danger-full-access\"\n"
        "[mcp_servers.gh]\ncommand = \"gh-mcp\"\nenv = { GITHUB_TOKEN = \"ghp_PLANTEDplanted0123456789abcdef\" }\n"));
    // A fix the journal holds for the copy's file, made while it was not inspected as a copy: --undo must still not
    // write it back while it is one.
    const Run applied = run(fixCommand(home, {QStringLiteral("--yes")}), data);
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
    const auto tree = [&root] {
        QMap<QString, QString> files;
        QDirIterator it(
            root, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            files.insert(QDir(root).relativeFilePath(path),
                QString::number(int(QFile::permissions(path)), 16) + u' '
                    + QString::fromLatin1(QCryptographicHash::hash(read(path), QCryptographicHash::Sha256).toHex()));
        }
        return files;
    };
    const QMap<QString, QString> before = tree();
    for (QString &argument : arguments)
        argument.replace(QStringLiteral("@ROOT@"), root).replace(QStringLiteral("@HOME@"), home);
    const Run result = run(QStringList{QStringLiteral(POSTURE_APP_BINARY)} + arguments, data);
    QVERIFY2(result.exitCode == 2, qPrintable(QString::number(result.exitCode) + u' ' + result.out + result.err));
    QVERIFY2(
        result.err.contains(QStringLiteral("copied machine")) && result.err.contains(says), qPrintable(result.err));
    QCOMPARE(tree(), before);
}

QTEST_GUILESS_MAIN(TestFixCommand)
#include "tst_fixcommand.moc"

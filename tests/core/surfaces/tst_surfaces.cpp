// SPDX-License-Identifier: Apache-2.0
// The IDE extension's settings and binaries, the declared cloud, and asking codex binaries their version.
#include "core/surfaces/cloudsurface.h"
#include "core/surfaces/codexbinaries.h"
#include "core/surfaces/idesurface.h"
#include "core/surfaces/posturevalues.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;

namespace {

// Writes a file; the caller checks the result (a QVERIFY in a helper would not stop the calling test).
bool write(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions = {})
{
    QFile file(path);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !file.open(QIODevice::WriteOnly)
        || file.write(bytes) != bytes.size())
        return false;
    file.close();
    return !permissions || file.setPermissions(permissions);
}

const QFileDevice::Permissions Executable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

} // namespace

class TestSurfaces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postureValues_nameAndOrderEachValueOnce();
    void ide_readsCodexSettingsFromJsonWithComments();
    void ide_reportsBrokenSettingsWithLine();
    void ide_findsExtensionsAndBundledCodex();
    void cloud_readsDeclaredEnvironments();
    void cloud_reportsBadValuesWithLine();
    void binaries_skipRelativeAndProjectPathEntries();
    void versions_areAskedWithTimeout();
    void versions_ofTheRealCli();
};

void TestSurfaces::ide_readsCodexSettingsFromJsonWithComments()
{
    QTemporaryDir home;
    QVERIFY(write(home.filePath(QStringLiteral(".config/Code/User/settings.json")),
        "{\n  // the Codex extension\n  \"chatgpt.openOnStartup\": true, /* inline */\n"
        "  \"chatgpt.cliExecutable\": \"/opt/codex\",\n  \"editor.fontSize\": 14,\n}\n"));
    const IdeSurface surface = IdeSurface::discover(home.path());
    QCOMPARE(surface.editors.size(), 1);
    const EditorSettings &editor = surface.editors.constFirst();
    QCOMPARE(editor.editor, QStringLiteral("VS Code"));
    QVERIFY2(!editor.problem, qPrintable(editor.problem ? editor.problem->toString() : QString()));
    QCOMPARE(editor.codexSettings.keys(),
        (QStringList{QStringLiteral("chatgpt.cliExecutable"), QStringLiteral("chatgpt.openOnStartup")}));
}

void TestSurfaces::ide_reportsBrokenSettingsWithLine()
{
    QTemporaryDir home;
    QVERIFY(
        write(home.filePath(QStringLiteral(".config/Cursor/User/settings.json")), "{\n  \"a\": 1\n  \"b\": 2\n}\n"));
    const IdeSurface surface = IdeSurface::discover(home.path());
    QCOMPARE(surface.editors.size(), 1);
    QVERIFY(surface.editors.constFirst().problem);
    QCOMPARE(surface.editors.constFirst().problem->location.line, 3);
}

void TestSurfaces::ide_findsExtensionsAndBundledCodex()
{
    QTemporaryDir home;
    const QString extension = home.filePath(QStringLiteral(".vscode/extensions/openai.chatgpt-0.4.12-linux-x64"));
    QVERIFY(write(extension + QStringLiteral("/bin/linux-x86_64/codex"), "#!/bin/sh\n", Executable));
    QVERIFY(write(home.filePath(QStringLiteral(".cursor/extensions/other.extension-1.0.0/package.json")), "{}"));
    const IdeSurface surface = IdeSurface::discover(home.path());
    QCOMPARE(surface.extensions.size(), 1);
    QCOMPARE(surface.extensions.constFirst().version, QStringLiteral("0.4.12"));
    QCOMPARE(surface.extensions.constFirst().bundledCodex, extension + QStringLiteral("/bin/linux-x86_64/codex"));
}

void TestSurfaces::cloud_readsDeclaredEnvironments()
{
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath(QStringLiteral("cloud.toml")),
        "[environments.\"acme/web\"]\nagent_internet = \"on\"\nallowlist = \"common\"\nextra_domains = [\"pypi.org\"]\n"
        "http_methods = \"safe\"\n\n[environments.open]\nagent_internet = \"on\"\nallowlist = \"all\"\n"));
    const CloudSurface cloud = CloudSurface::load(dir.filePath(QStringLiteral("cloud.toml")));
    QVERIFY(cloud.messages.isEmpty());
    QCOMPARE(cloud.source, QStringLiteral("declared"));
    QCOMPARE(cloud.environments.size(), 2);
    QCOMPARE(cloud.environments.at(0).name, QStringLiteral("acme/web"));
    QCOMPARE(cloud.environments.at(0).network(), QStringLiteral("restricted"));
    QCOMPARE(cloud.environments.at(0).extraDomains, QStringList{QStringLiteral("pypi.org")});
    QCOMPARE(cloud.environments.at(1).network(), QStringLiteral("enabled"));
    QCOMPARE(CloudSurface::documentedDefaults().environments.constFirst().agentInternet, QStringLiteral("off"));
}

void TestSurfaces::cloud_reportsBadValuesWithLine()
{
    QTemporaryDir dir;
    QVERIFY(write(
        dir.filePath(QStringLiteral("cloud.toml")), "[environments.x]\nagent_internet = \"maybe\"\ncolour = 1\n"));
    const CloudSurface cloud = CloudSurface::load(dir.filePath(QStringLiteral("cloud.toml")));
    QCOMPARE(cloud.messages.size(), 2);
    QCOMPARE(cloud.messages.at(0).severity, DiagnosticSeverity::Error);
    QCOMPARE(cloud.messages.at(0).location.line, 2);
    QCOMPARE(cloud.messages.at(1).severity, DiagnosticSeverity::Warning);
    QCOMPARE(cloud.messages.at(1).location.line, 3);
}

void TestSurfaces::binaries_skipRelativeAndProjectPathEntries()
{
    QTemporaryDir root;
    QVERIFY(write(root.filePath(QStringLiteral("bin/codex")), "#!/bin/sh\n", Executable));
    QVERIFY(write(root.filePath(QStringLiteral("project/tools/codex")), "#!/bin/sh\n", Executable));
    const QString path = root.filePath(QStringLiteral("bin")) + QStringLiteral(":tools:")
        + root.filePath(QStringLiteral("project/tools"));
    const QList<CodexBinary> binaries =
        CodexBinaries::find(path, root.filePath(QStringLiteral("project")), root.filePath(QStringLiteral("none")), {});
    QCOMPARE(binaries.size(), 1);
    QCOMPARE(binaries.constFirst().path, root.filePath(QStringLiteral("bin/codex")));
    QCOMPARE(binaries.constFirst().source, QStringLiteral("PATH"));
}

void TestSurfaces::versions_areAskedWithTimeout()
{
    QTemporaryDir root;
    QVERIFY(write(root.filePath(QStringLiteral("good/codex")),
        "#!/bin/sh\n[ \"$1\" = --version ] && echo 'codex-cli 9.8.7'\n", Executable));
    QVERIFY(write(root.filePath(QStringLiteral("slow/codex")), "#!/bin/sh\nsleep 30\n", Executable));
    QVERIFY(write(root.filePath(QStringLiteral("mute/codex")), "#!/bin/sh\nexit 3\n", Executable));
    QList<CodexBinary> binaries{{root.filePath(QStringLiteral("good/codex")), QStringLiteral("PATH"), {}, {}},
        {root.filePath(QStringLiteral("slow/codex")), QStringLiteral("PATH"), {}, {}},
        {root.filePath(QStringLiteral("mute/codex")), QStringLiteral("PATH"), {}, {}}};
    CodexBinaries::askVersions(binaries, 1000);
    QCOMPARE(binaries.at(0).version, QStringLiteral("9.8.7"));
    QVERIFY(binaries.at(1).version.isEmpty());
    QVERIFY2(binaries.at(1).error.startsWith(QStringLiteral("timed out")), qPrintable(binaries.at(1).error));
    QVERIFY(binaries.at(2).error.contains(QStringLiteral("exit status 3")));
}

void TestSurfaces::versions_ofTheRealCli()
{
    const QString oracle = QStringLiteral(POSTURE_CODEX_ORACLE);
    if (oracle.isEmpty())
        QSKIP("POSTURE_CODEX_ORACLE is not set (scripts/test sets it)");
    QList<CodexBinary> binaries{{oracle, QStringLiteral("PATH"), {}, {}}};
    CodexBinaries::askVersions(binaries, 10000);
    QCOMPARE(binaries.constFirst().version, QStringLiteral(POSTURE_ORACLE_VERSION));
}

namespace {

// Every value of a dimension: its word names it back, and no two values share a word.
template <typename Value> void checkNames(std::initializer_list<Value> values)
{
    QStringList words;
    for (const Value value : values) {
        const QString word = postureName(value);
        QVERIFY2(!word.isEmpty() && !words.contains(word), qPrintable(word));
        QCOMPARE(postureValue<Value>(word), std::optional<Value>(value));
        words.append(word);
    }
    QVERIFY(!postureValue<Value>(u"bogus"));
    QVERIFY(!postureValue<Value>(QString())); // Codex would not start: no value
}

} // namespace

void TestSurfaces::postureValues_nameAndOrderEachValueOnce()
{
    checkNames(
        {ApprovalPolicy::UnlessTrusted, ApprovalPolicy::OnRequest, ApprovalPolicy::Granular, ApprovalPolicy::Never});
    checkNames({SandboxMode::ReadOnly, SandboxMode::WorkspaceWrite, SandboxMode::DangerFullAccess});
    checkNames({FilesystemAccess::Restricted, FilesystemAccess::Unrestricted});
    checkNames({NetworkAccess::Restricted, NetworkAccess::Enabled});
    checkNames({WebSearch::Disabled, WebSearch::Cached, WebSearch::Live});
    // The words Codex and `codex doctor` use.
    QCOMPARE(postureName(SandboxMode::DangerFullAccess), QStringLiteral("danger-full-access"));
    QCOMPARE(postureName(ApprovalPolicy::UnlessTrusted), QStringLiteral("unless-trusted"));
    // Closed to open; granular asks for what it lists, as open as on-request.
    QVERIFY(widerThan<SandboxMode>(u"danger-full-access", u"workspace-write"));
    QVERIFY(!widerThan<SandboxMode>(u"read-only", u"workspace-write"));
    QVERIFY(widerThan<ApprovalPolicy>(u"never", u"granular"));
    QVERIFY(!widerThan<ApprovalPolicy>(u"granular", u"on-request"));
    QVERIFY(!widerThan<ApprovalPolicy>(u"on-request", u"granular"));
    QVERIFY(widerThan<ApprovalPolicy>(u"on-request", u"unless-trusted"));
    QVERIFY(widerThan<WebSearch>(u"live", u"cached"));
    QVERIFY(!widerThan<NetworkAccess>(u"enabled", QString())); // no value before: nothing to compare
}

QTEST_GUILESS_MAIN(TestSurfaces)
#include "tst_surfaces.moc"

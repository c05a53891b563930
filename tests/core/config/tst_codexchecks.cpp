// SPDX-License-Identifier: Apache-2.0
// The load rules the real Codex 0.171.0 applies beyond its schema, one row each (every row was seen with the CLI;
// tst_differential keeps checking them against it).
#include "core/inspection.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;

class TestCodexChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void configLoad_data();
    void configLoad();
};

void TestCodexChecks::configLoad_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<LoadStatus>("status");
    QTest::addColumn<QString>("message");

    const auto row = [](const char *name, const char *config, LoadStatus status, const char *message,
                         const char *profile = "") {
        QTest::newRow(name) << QByteArray(config) << QString::fromLatin1(profile) << status
                            << QString::fromLatin1(message);
    };
    row("nothing set", "", LoadStatus::Ok, "");
    row("retired untrusted", "approval_policy = \"untrusted\"\n", LoadStatus::Fail, "no longer supported");
    row("deprecated on-failure is fine", "approval_policy = \"on-failure\"\n", LoadStatus::Ok, "");
    row("legacy profile selection", "profile = \"ci\"\n", LoadStatus::Fail, "legacy `profile = \"ci\"`");
    row("legacy table with --profile", "[profiles.ci]\nmodel = \"o3\"\n", LoadStatus::Fail, "[profiles.ci]", "ci");
    row("legacy table without --profile", "[profiles.ci]\nmodel = \"o3\"\n", LoadStatus::Ok, "");
    row("unknown key", "sandbox-mode = \"read-only\"\n", LoadStatus::Warning, "not a Codex setting");
    row("wrong type", "[sandbox_workspace_write]\nnetwork_access = \"yes\"\n", LoadStatus::Fail, "must be a boolean");
    row("unknown enum value", "sandbox_mode = \"bogus\"\n", LoadStatus::Fail, "unknown value");
    row("unknown feature flag", "[features]\nbogus_flag = true\n", LoadStatus::Warning, "not a Codex setting");
    row("feature flag not a boolean", "[features]\nbogus_flag = \"x\"\n", LoadStatus::Fail, "must be a boolean");
    row("permissions without default", "[permissions.dev]\nextends = \":read-only\"\n", LoadStatus::Fail,
        "does not set default_permissions");
    row("permissions without default, legacy sandbox",
        "sandbox_mode = \"read-only\"\n[permissions.dev]\n"
        "extends = \":read-only\"\n",
        LoadStatus::Ok, "");
    row("undefined profile", "default_permissions = \"x\"\n[permissions.y]\nextends = \":workspace\"\n",
        LoadStatus::Fail, "undefined profile `x`");
    row("unknown built-in profile", "default_permissions = \":nope\"\n", LoadStatus::Fail, "unknown built-in");
    row("extends full access", "default_permissions = \"d\"\n[permissions.d]\nextends = \":danger-full-access\"\n",
        LoadStatus::Fail, "cannot extend");
    row("profile without filesystem", "default_permissions = \"d\"\n[permissions.d.network]\nenabled = true\n",
        LoadStatus::Warning, "recognized filesystem entries");
    row("reserved provider", "[model_providers.openai]\nname = \"x\"\n", LoadStatus::Fail, "built-in provider");
    row("provider without name", "[model_providers.corp]\nbase_url = \"http://x\"\n", LoadStatus::Fail, "no name");
    row("bedrock with a name", "[model_providers.amazon-bedrock]\nname = \"x\"\n", LoadStatus::Fail, "only takes");
    row("mcp without transport", "[mcp_servers.a]\nargs = [\"x\"]\n", LoadStatus::Fail, "neither `command`");
    row("mcp with both transports", "[mcp_servers.a]\ncommand = \"x\"\nurl = \"https://x\"\n", LoadStatus::Fail,
        "sets `url`");
    row("mcp http with env", "[mcp_servers.a]\nurl = \"https://x\"\nenv = { A = \"b\" }\n", LoadStatus::Fail,
        "sets `env`");
    row("mcp inline bearer token", "[mcp_servers.a]\nurl = \"https://x\"\nbearer_token = \"abc\"\n", LoadStatus::Fail,
        "inline `bearer_token`");
    row("mcp fine", "[mcp_servers.a]\nurl = \"https://x\"\nbearer_token_env_var = \"T\"\n", LoadStatus::Ok, "");
    // Where the acceptance table (recorded from the real CLI) overrules the published schema.
    row("boolean web search in [tools]", "[tools]\nweb_search = true\n", LoadStatus::Ok, "");
    row("reasoning effort beyond the enum", "model_reasoning_effort = \"ultra\"\n", LoadStatus::Ok, "");
    row("scalar keys in [agents]", "[agents]\nenabled = true\nmax_concurrent_threads_per_session = 4\n", LoadStatus::Ok,
        "");
    row("[agents] role that is not a table", "[agents]\nreviewer = 3\n", LoadStatus::Fail, "must be a table");
    row("deprecated multi_agent flag", "[features]\nmulti_agent = true\n", LoadStatus::Warning, "is deprecated");
    row("key Codex ignores though the schema has it", "model_supports_reasoning_summaries = true\n",
        LoadStatus::Warning, "Codex ignores it");
    row("unknown [tui] key, no warning", "[tui]\nbogus = 1\n", LoadStatus::Ok, "without a warning");
    row("unbounded deny glob",
        "default_permissions = \"d\"\n[permissions.d]\nextends = \":workspace\"\n[permissions.d.filesystem]\n"
        "\"/tmp/**/*.env\" = \"deny\"\n",
        LoadStatus::Warning, "uses `**`");
    row("bounded deny glob",
        "default_permissions = \"d\"\n[permissions.d]\nextends = \":workspace\"\n[permissions.d.filesystem]\n"
        "glob_scan_max_depth = 3\n\"/tmp/**/*.env\" = \"deny\"\n",
        LoadStatus::Ok, "");
    row("unknown special path",
        "default_permissions = \"d\"\n[permissions.d]\nextends = \":workspace\"\n[permissions.d.filesystem]\n"
        "\":cwd\" = \"write\"\n",
        LoadStatus::Warning, "not one Codex knows");
}

void TestCodexChecks::configLoad()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, profile);
    QFETCH(LoadStatus, status);
    QFETCH(QString, message);

    QTemporaryDir root;
    QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("home/.codex"))));
    QFile file(root.filePath(QStringLiteral("home/.codex/config.toml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(config), config.size());
    file.close();
    const Inspection inspection = Inspection::run(InspectOptions{.home = root.filePath(QStringLiteral("home")),
                                                      .cwd = root.path(),
                                                      .profile = profile,
                                                      .systemRoot = root.filePath(QStringLiteral("system"))},
        QProcessEnvironment());
    QStringList texts;
    for (const Diagnostic &diagnostic : inspection.messages)
        texts.append(diagnostic.text);
    // Info messages (a key Codex drops without a word) are checked by their text; they change no status.
    QVERIFY2(
        inspection.loadStatus == status, qPrintable(loadStatusName(inspection.loadStatus) + u' ' + texts.join(u'|')));
    if (!message.isEmpty())
        QVERIFY2(texts.join(u'|').contains(message), qPrintable(texts.join(u'|')));
    else
        QVERIFY2(texts.isEmpty(), qPrintable(texts.join(u'|')));
}

QTEST_GUILESS_MAIN(TestCodexChecks)
#include "tst_codexchecks.moc"

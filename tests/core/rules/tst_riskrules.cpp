// SPDX-License-Identifier: Apache-2.0
// Every risk rule, shown firing and not firing: each row is a small machine (home, project, system files), the rule
// and whether it must report.
#include "core/inspection.h"
#include "core/report/whocanact.h"
#include "core/rules/catalogue.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;

namespace {

using Files = QMap<QString, QString>; // path below the machine's base → content (@HOME@, @PROJECT@ replaced)
using Modes = QMap<QString, int>; // path → Qt permission bits

const QString SysRoots = QStringLiteral(POSTURE_TEST_DATA_DIR "/sysroots");

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A machine in a temporary directory: home/ (with .codex), a trusted-or-not project/ (a git repository) as cwd.
struct Machine
{
    QTemporaryDir base;

    QString path(const QString &relative) const { return base.filePath(relative); }

    bool setUp(const Files &files, const QMap<QString, int> &modes)
    {
        if (!write(path(QStringLiteral("project/.git/HEAD")), "ref: refs/heads/main\n")
            || !QDir().mkpath(path(QStringLiteral("home/.codex"))))
            return false;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            QString text = it.value();
            text.replace(QStringLiteral("@HOME@"), path(QStringLiteral("home")));
            text.replace(QStringLiteral("@PROJECT@"), path(QStringLiteral("project")));
            if (!write(path(it.key()), text.toUtf8()))
                return false;
        }
        for (auto it = modes.cbegin(); it != modes.cend(); ++it) {
            if (!QFile::setPermissions(path(it.key()), QFileDevice::Permissions(it.value())))
                return false;
        }
        return true;
    }

    Inspection inspect(const QString &profile, const QString &sysroot) const
    {
        InspectOptions options;
        options.home = path(QStringLiteral("home"));
        options.cwd = path(QStringLiteral("project"));
        options.profile = profile;
        options.systemRoot = sysroot.isEmpty() ? path(QStringLiteral("system")) : SysRoots + u'/' + sysroot;
        if (QFileInfo::exists(path(QStringLiteral("cloud.toml"))))
            options.cloudFile = path(QStringLiteral("cloud.toml"));
        return Inspection::run(options, QProcessEnvironment());
    }
};

// Qt's permission bits from an octal mode.
int mode(int octal)
{
    const int user = (octal >> 6) & 7, group = (octal >> 3) & 7, other = octal & 7;
    return (user << 12) | (user << 8) | (group << 4) | other;
}

const QString UserConfig = QStringLiteral("home/.codex/config.toml");
const QString ProjectConfig = QStringLiteral("project/.codex/config.toml");
const QString TrustProject = QStringLiteral("[projects.\"@PROJECT@\"]\ntrust_level = \"trusted\"\n");

// Every rule's cases: each a small machine, the rule, and whether it must report. A plain list, not test rows, so
// that the coverage check below reads it without depending on which slots ran before.
struct RuleCase
{
    const char *name;
    QString rule;
    bool fires;
    Files files;
    QString profile;
    QString sysroot;
    Modes modes;
};

QList<RuleCase> ruleCases()
{
    QList<RuleCase> cases;
    const auto row = [&cases](const char *name, const QString &rule, bool fires, const Files &files,
                         const QString &profile = {}, const QString &sysroot = QStringLiteral("debian-12"),
                         const Modes &modes = {}) {
        cases.append({name, rule, fires, files, profile, sysroot, modes});
    };
    const auto config = [](const QString &text) { return Files{{UserConfig, text}}; };

    row("unattended: full access + never + network", "unattended-full-access", true,
        config("sandbox_mode = \"danger-full-access\"\napproval_policy = \"never\"\n"));
    row("unattended: full access but asks", "unattended-full-access", false,
        config("sandbox_mode = \"danger-full-access\"\napproval_policy = \"on-request\"\n"));
    row("full access by permission profile", "full-access", true,
        config("default_permissions = \":danger-full-access\"\n"));
    row("workspace-write is not full access", "full-access", false, config("sandbox_mode = \"workspace-write\"\n"));
    row("approval never", "approval-never", true, config("approval_policy = \"never\"\n"));
    row("approval on-request", "approval-never", false, config("approval_policy = \"on-request\"\n"));
    row("network on in workspace-write", "network-enabled", true,
        config("sandbox_mode = \"workspace-write\"\n[sandbox_workspace_write]\nnetwork_access = true\n"));
    row("network_access under read-only does nothing", "network-enabled", false,
        config("sandbox_mode = \"read-only\"\n[sandbox_workspace_write]\nnetwork_access = true\n"));
    row("enforced allowlist", "network-enabled", false,
        config("default_permissions = \"dev\"\n[features]\nnetwork_proxy = true\n[permissions.dev]\nextends = "
               "\":workspace\"\n[permissions.dev.network]\nenabled = true\n[permissions.dev.network.domains]\n"
               "\"pypi.org\" = \"allow\"\n"));
    row("no user namespaces", "sandbox-not-enforced", true, config(QString()), {}, QStringLiteral("userns-disabled"));
    row("user namespaces allowed", "sandbox-not-enforced", false, config(QString()));
    row("full access needs no sandbox", "sandbox-not-enforced", false,
        config("sandbox_mode = \"danger-full-access\"\n"), {}, QStringLiteral("userns-disabled"));
    row("container with a seccomp filter", "sandbox-enforcement-unknown", true, config(QString()), {},
        QStringLiteral("container-seccomp"));
    row("known machine", "sandbox-enforcement-unknown", false, config(QString()));
    row("profile opens the CLI only", "surfaces-differ", true,
        Files{{UserConfig, QString()},
            {QStringLiteral("home/.codex/ci.config.toml"), "sandbox_mode = \"danger-full-access\"\n"}},
        QStringLiteral("ci"));
    row("profile changes the model only", "surfaces-differ", false,
        Files{{UserConfig, QString()}, {QStringLiteral("home/.codex/ci.config.toml"), "model = \"gpt-5.6\"\n"}},
        QStringLiteral("ci"));
    row("full-access warning hidden", "full-access-warning-hidden", true,
        config("[notice]\nhide_full_access_warning = true\n"));
    row("full-access warning shown", "full-access-warning-hidden", false,
        config("[notice]\nhide_full_access_warning = false\n"));
    const QString domains =
        QStringLiteral("default_permissions = \"dev\"\n[permissions.dev]\nextends = \":workspace\"\n"
                       "[permissions.dev.network]\nenabled = true\n"
                       "[permissions.dev.network.domains]\n\"pypi.org\" = \"allow\"\n");
    row("domains without the proxy", "domain-rules-unenforced", true, config(domains));
    row("domains with the proxy", "domain-rules-unenforced", false,
        config("[features]\nnetwork_proxy = true\n" + domains));
    row("dangerously_ switch on", "dangerous-proxy-setting", true,
        config("default_permissions = \"dev\"\n[permissions.dev]\nextends = \":workspace\"\n[permissions.dev.network]\n"
               "enabled = true\ndangerously_allow_all_unix_sockets = true\n"));
    row("dangerously_ switch off", "dangerous-proxy-setting", false,
        config("default_permissions = \"dev\"\n[permissions.dev]\nextends = \":workspace\"\n[permissions.dev.network]\n"
               "dangerously_allow_all_unix_sockets = false\n"));
    row("live search with network", "live-web-search-with-network", true,
        config("web_search = \"live\"\nsandbox_mode = \"workspace-write\"\n[sandbox_workspace_write]\nnetwork_access = "
               "true\n"));
    row("live search without network", "live-web-search-with-network", false, config("web_search = \"live\"\n"));
    row("MCP over http to another host", "plain-http-url", true,
        config("[mcp_servers.docs]\nurl = \"http://docs.example.com/mcp\"\n"));
    row("MCP over http to loopback", "plain-http-url", false,
        config("[mcp_servers.docs]\nurl = \"http://127.0.0.1:8080/mcp\"\n"));
    row("home trusted", "broad-trust", true, config("[projects.\"@HOME@\"]\ntrust_level = \"trusted\"\n"));
    row("one project trusted", "broad-trust", false, config(TrustProject));
    // A copied machine's homes are broad wherever the reviewer runs.
    row("a copied Linux home trusted", "broad-trust", true,
        config("[projects.\"/home/alice\"]\ntrust_level = \"trusted\"\n"));
    row("a copied macOS home trusted", "broad-trust", true,
        config("[projects.\"/Users/bob\"]\ntrust_level = \"trusted\"\n"));
    row("a copied Windows home trusted", "broad-trust", true,
        config("[projects.'C:\\Users\\carol']\ntrust_level = \"trusted\"\n"));
    row("/tmp trusted", "broad-trust", true, config("[projects.\"/tmp\"]\ntrust_level = \"trusted\"\n"));
    row("a project in a copied home trusted", "broad-trust", false,
        config("[projects.\"/home/alice/src/app\"]\ntrust_level = \"trusted\"\n"));
    row("trusted project turns network on", "project-widens", true,
        Files{{UserConfig, TrustProject},
            {ProjectConfig, "sandbox_mode = \"workspace-write\"\n[sandbox_workspace_write]\nnetwork_access = true\n"}});
    row("untrusted project is not loaded", "project-widens", false,
        Files{{UserConfig, QString()},
            {ProjectConfig, "sandbox_mode = \"workspace-write\"\n[sandbox_workspace_write]\nnetwork_access = true\n"}});
    row("home writable", "broad-writable-root", true,
        config("sandbox_mode = \"workspace-write\"\n[sandbox_workspace_write]\nwritable_roots = [\"@HOME@\"]\n"));
    row("a build folder writable", "broad-writable-root", false,
        config(
            "sandbox_mode = \"workspace-write\"\n[sandbox_workspace_write]\nwritable_roots = [\"@PROJECT@/build\"]\n"));
    row("all variables, excludes ignored", "environment-secrets-reach-commands", true,
        config("[shell_environment_policy]\ninherit = \"all\"\nignore_default_excludes = true\n"));
    row("default excludes kept", "environment-secrets-reach-commands", false,
        config("[shell_environment_policy]\ninherit = \"all\"\nignore_default_excludes = false\n"));
    row("token in an MCP server's env", "plaintext-secret", true,
        config("[mcp_servers.gh]\ncommand = \"gh-mcp\"\n[mcp_servers.gh.env]\nGITHUB_TOKEN = "
               "\"ghp_plantedPLANTEDplanted0123456789ab\"\n"));
    row("token passed by name", "plaintext-secret", false,
        config("[mcp_servers.gh]\ncommand = \"gh-mcp\"\nenv_vars = [\"GITHUB_TOKEN\"]\n"));
    // Not secrets: hashes, paths (a named pipe), URLs without credentials. Secrets: credentials in a URL, a lone
    // random key under a plain name.
    const auto mcpEnv = [&config](const char *entry) {
        return config(QStringLiteral("[mcp_servers.tool]\ncommand = \"tool-mcp\"\n[mcp_servers.tool.env]\n")
            + QLatin1StringView(entry) + u'\n');
    };
    row("a list of SHA-256 hashes", "plaintext-secret", false,
        mcpEnv("ALLOWED_DIGESTS = \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,"
               "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\""));
    row("a named pipe", "plaintext-secret", false,
        mcpEnv("DOCKER_HOST = \"npipe:////./pipe/docker_engine_4f7a9c2e1b8d6a3f5e0c9b7a2d4f6e8c\""));
    row("a URL without credentials", "plaintext-secret", false,
        mcpEnv("REGISTRY = \"https://registry.example.com/v2/acme0123456789abcdefghijklmnopqrstuv\""));
    row("credentials in a URL", "plaintext-secret", true,
        mcpEnv("PROXY = \"https://bob:s3cretPassw0rd@proxy.example.com:8080\""));
    row("a lone random key under a plain name", "plaintext-secret", true,
        mcpEnv("CONFIG_BLOB = \"Zq8w3RkP0vX7nL2mC9tY4bH6jF1sD5gA\""));
    row("npx latest", "unpinned-mcp-package", true,
        config("[mcp_servers.fs]\ncommand = \"npx\"\nargs = [\"-y\", \"@acme/fs-mcp@latest\"]\n"));
    row("npx pinned", "unpinned-mcp-package", false,
        config("[mcp_servers.fs]\ncommand = \"npx\"\nargs = [\"-y\", \"@acme/fs-mcp@1.4.2\"]\n"));
    row("notify script in the workspace", "command-in-writable-place", true,
        Files{{UserConfig, "notify = [\"@PROJECT@/notify.sh\"]\n"},
            {QStringLiteral("project/notify.sh"), "#!/bin/sh\n"}});
    row("notify from /usr/bin", "command-in-writable-place", false, config("notify = [\"/usr/bin/notify-send\"]\n"));
    row("auth.json readable by others", "credentials-exposed", true,
        Files{{UserConfig, QString()}, {QStringLiteral("home/.codex/auth.json"), "{}"}}, {},
        QStringLiteral("debian-12"), {{QStringLiteral("home/.codex/auth.json"), mode(0644)}});
    row("auth.json private", "credentials-exposed", false,
        Files{{UserConfig, QString()}, {QStringLiteral("home/.codex/auth.json"), "{}"}}, {},
        QStringLiteral("debian-12"), {{QStringLiteral("home/.codex/auth.json"), mode(0600)}});
    row("config writable by everyone", "config-writable-by-others", true, config("model = \"o3\"\n"), {},
        QStringLiteral("debian-12"), {{UserConfig, mode(0666)}});
    row("config writable by its owner", "config-writable-by-others", false, config("model = \"o3\"\n"), {},
        QStringLiteral("debian-12"), {{UserConfig, mode(0644)}});
    const QString token =
        QStringLiteral("[model_providers.corp]\nname = \"Corp\"\nbase_url = \"https://corp.example/v1\"\n"
                       "experimental_bearer_token = \"sk-planted-0123456789abcdef\"\n");
    row("secret in a readable config", "secret-file-readable-by-others", true, config(token), {},
        QStringLiteral("debian-12"), {{UserConfig, mode(0644)}});
    row("secret in a private config", "secret-file-readable-by-others", false, config(token), {},
        QStringLiteral("debian-12"), {{UserConfig, mode(0600)}});
    const QString backup = QStringLiteral("home/.codex/config.toml.codex-posture-20261207-101500-000.bak");
    row("a fix's backup holds the secret", "secret-in-backup", true,
        Files{{UserConfig, "model = \"o3\"\n"}, {backup, token}});
    row("a fix's backup without a secret", "secret-in-backup", false,
        Files{{UserConfig, "model = \"o3\"\n"}, {backup, "approval_policy = \"never\"\n"}});
    row("a fix's backup of a file that still holds its secret", "secret-in-backup", false,
        Files{{UserConfig, token}, {backup, token}});
    row("an exec-policy rules file", "exec-policy-rules-unjudged", true,
        Files{{UserConfig, "model = \"o3\"\n"},
            {QStringLiteral("home/.codex/rules/default.rules"), "prefix_rule(pattern=[\"python3\"])\n"}});
    row("a rules folder without a .rules file", "exec-policy-rules-unjudged", false,
        Files{{UserConfig, "model = \"o3\"\n"}, {QStringLiteral("home/.codex/rules/default.RULES"), "x\n"},
            {QStringLiteral("home/.codex/rules/old/default.rules"), "prefix_rule(pattern=[\"sh\"])\n"}});
    row("retired value", "codex-refuses-config", true, config("approval_policy = \"untrusted\"\n"));
    row("valid value", "codex-refuses-config", false, config("approval_policy = \"on-request\"\n"));
    row("misspelt sandbox_mode", "security-setting-ignored", true, config("sandbox-mode = \"read-only\"\n"));
    row("unrelated unknown key", "security-setting-ignored", false, config("bogus_key = 1\n"));
    row("key after a table header", "security-setting-ignored", true,
        config("[sandbox_workspace_write]\nnetwork_access = false\nsandbox_mode = \"workspace-write\"\n"));
    row("on-failure", "deprecated-value", true, config("approval_policy = \"on-failure\"\n"));
    row("on-request", "deprecated-value", false, config("approval_policy = \"on-request\"\n"));
    row("requirement replaces never", "requirement-overrides", true,
        Files{{UserConfig, "approval_policy = \"never\"\n"},
            {QStringLiteral("system/etc/codex/requirements.toml"), "allowed_approval_policies = [\"on-request\"]\n"}},
        {}, QString());
    row("managed config replaces never", "requirement-overrides", true,
        Files{{UserConfig, "approval_policy = \"never\"\n"},
            {QStringLiteral("system/etc/codex/managed_config.toml"), "approval_policy = \"on-request\"\n"}},
        {}, QString());
    row("requirement allows never", "requirement-overrides", false,
        Files{{UserConfig, "approval_policy = \"never\"\n"},
            {QStringLiteral("system/etc/codex/requirements.toml"),
                "allowed_approval_policies = [\"on-request\", \"never\"]\n"}},
        {}, QString());
    const auto cloud = [](const QString &environment) {
        return Files{
            {UserConfig, QString()}, {QStringLiteral("cloud.toml"), "[environments.\"acme/web\"]\n" + environment}};
    };
    row("cloud agent reaches every domain", "cloud-internet-unrestricted", true,
        cloud("agent_internet = \"on\"\nallowlist = \"all\"\n"));
    row("cloud agent with the common allowlist", "cloud-internet-unrestricted", false,
        cloud("agent_internet = \"on\"\nallowlist = \"common\"\n"));
    row("cloud agent may POST", "cloud-all-http-methods", true,
        cloud("agent_internet = \"on\"\nallowlist = \"common\"\nhttp_methods = \"all\"\n"));
    row("cloud agent may only read", "cloud-all-http-methods", false,
        cloud("agent_internet = \"on\"\nallowlist = \"common\"\nhttp_methods = \"safe\"\n"));
    row("CLI online, cloud offline", "cli-more-open-than-cloud", true,
        config("sandbox_mode = \"workspace-write\"\n[sandbox_workspace_write]\nnetwork_access = true\n"));
    row("CLI offline", "cli-more-open-than-cloud", false, config("sandbox_mode = \"workspace-write\"\n"));
    return cases;
}

} // namespace

class TestRiskRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data();
    void rule();
    void everyRuleIsTested();
    void everyCaseNamesACatalogueRule();
    void everyFixKindIsUsed();
    void readme_countsTheCatalogue();
    void versionsDiffer_firesOnlyForDifferentVersions();
    void whoCanAct_namesWhoCanChangeIt_data();
    void whoCanAct_namesWhoCanChangeIt();
    void severity_followsWhatIsAtStake_data();
    void severity_followsWhatIsAtStake();
};

void TestRiskRules::rule_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<bool>("fires");
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("sysroot");
    QTest::addColumn<Modes>("modes");
    for (const RuleCase &rule : ruleCases())
        QTest::newRow(rule.name) << rule.rule << rule.fires << rule.files << rule.profile << rule.sysroot << rule.modes;
}

void TestRiskRules::rule()
{
    QFETCH(QString, rule);
    QFETCH(bool, fires);
    QFETCH(Files, files);
    QFETCH(QString, profile);
    QFETCH(QString, sysroot);
    QFETCH(Modes, modes);
    Machine machine;
    QVERIFY(machine.setUp(files, modes));
    const Inspection inspection = machine.inspect(profile, sysroot);
    QStringList rules;
    for (const Finding &finding : inspection.findings) {
        rules.append(finding.ruleId);
        // Every finding is one its catalogue entry declares: id, severity, surfaces.
        const RiskRules::RuleInfo *entry = RiskRules::find(finding.ruleId);
        QVERIFY2(entry, qPrintable(finding.ruleId + QStringLiteral(" is not in the catalogue")));
        QVERIFY2(entry->mismatch(finding).isEmpty(), qPrintable(entry->mismatch(finding)));
        if (finding.ruleId == rule) {
            // Every finding explains itself and says what to do; evidence points somewhere.
            QVERIFY(!finding.title.isEmpty() && finding.explanation.size() > 40 && !finding.remediation.isEmpty());
            QVERIFY(finding.reference.startsWith(QStringLiteral("https://")));
            QVERIFY(finding.id.startsWith(rule));
            QVERIFY(!finding.evidence.file.isEmpty() || !finding.evidence.value.isEmpty());
        }
    }
    QVERIFY2(rules.contains(rule) == fires,
        qPrintable(QStringLiteral("%1 %2; findings: %3")
                .arg(rule, fires ? QStringLiteral("should fire") : QStringLiteral("should not fire"),
                    rules.join(QStringLiteral(", ")))));
}

void TestRiskRules::everyRuleIsTested()
{
    // Each rule of the catalogue has a case firing and a case not firing (baseline-drift is tested in tst_findings,
    // codex-versions-differ by versionsDiffer_firesOnlyForDifferentVersions below, the codex release rules by
    // tst_codexreleases with fake codex binaries).
    const QList<RuleCase> cases = ruleCases();
    for (const RiskRules::RuleInfo &info : RiskRules::catalogue()) {
        if (info.rule == RiskRules::Rule::BaselineDrift || info.rule == RiskRules::Rule::CodexVersionsDiffer
            || info.rule == RiskRules::Rule::CodexReleasesJudgeDifferently
            || info.rule == RiskRules::Rule::CodexNewerThanKnown || info.rule == RiskRules::Rule::CodexOlderThanKnown)
            continue;
        const auto has = [&](bool fires) {
            return std::any_of(
                cases.cbegin(), cases.cend(), [&](const RuleCase &c) { return c.rule == info.id && c.fires == fires; });
        };
        QVERIFY2(has(true), qPrintable(info.id + QStringLiteral(" has no firing case")));
        QVERIFY2(has(false), qPrintable(info.id + QStringLiteral(" has no quiet case")));
    }
}

void TestRiskRules::everyCaseNamesACatalogueRule()
{
    for (const RuleCase &rule : ruleCases())
        QVERIFY2(RiskRules::find(rule.rule), qPrintable(rule.rule + QStringLiteral(" is not a catalogue rule")));
    // The table is in the enum's order, and each id is there once.
    QStringList ids;
    for (std::size_t i = 0; i < RiskRules::catalogue().size(); ++i) {
        const RiskRules::RuleInfo &info = RiskRules::catalogue()[i];
        QCOMPARE(std::size_t(info.rule), i);
        QVERIFY2(info.remedy.size() > 20, qPrintable(info.id + QStringLiteral(": no remedy")));
        QVERIFY2(info.rows != 0, qPrintable(info.id + QStringLiteral(": names no posture row, nor ByKey")));
        QVERIFY2(!ids.contains(info.id), qPrintable(info.id));
        ids.append(info.id);
        QVERIFY2(info.severities & RiskRules::severityBit(info.severity), qPrintable(info.id));
    }
}

// README's Findings section names how many rules the catalogue has: it must follow the catalogue.
void TestRiskRules::readme_countsTheCatalogue()
{
    QFile readme(QStringLiteral(POSTURE_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("rules/catalogue.cpp` \\((\\d+), listed there")).match(text);
    QVERIFY2(match.hasMatch(), "README's Findings section names the number of rules");
    QCOMPARE(match.captured(1).toInt(), int(RiskRules::catalogue().size()));
}

void TestRiskRules::everyFixKindIsUsed()
{
    // A fix is reached only through a catalogue rule: a kind no rule names would be dead code.
    for (int kind = int(RiskRules::FixKind::None) + 1; kind <= int(RiskRules::FixKind::ShowFullAccessWarning); ++kind) {
        const auto &rules = RiskRules::catalogue();
        QVERIFY2(std::any_of(rules.begin(), rules.end(),
                     [kind](const RiskRules::RuleInfo &info) { return int(info.fix) == kind; }),
            qPrintable(QStringLiteral("fix kind %1 is named by no rule").arg(kind)));
    }
}

void TestRiskRules::versionsDiffer_firesOnlyForDifferentVersions()
{
    for (const QString &ideVersion : {QStringLiteral("0.160.0"), QStringLiteral("0.171.0")}) {
        Machine machine;
        const QString fake = QStringLiteral("#!/bin/sh\necho 'codex-cli %1'\n");
        QVERIFY(machine.setUp(
            Files{{UserConfig, QString()}, {QStringLiteral("bin/codex"), fake.arg(QStringLiteral("0.171.0"))},
                {QStringLiteral("home/.vscode/extensions/openai.chatgpt-26.1.0-linux-x64/bin/linux-x86_64/codex"),
                    fake.arg(ideVersion)}},
            {{QStringLiteral("bin/codex"), mode(0755)},
                {QStringLiteral("home/.vscode/extensions/openai.chatgpt-26.1.0-linux-x64/bin/linux-x86_64/codex"),
                    mode(0755)}}));
        InspectOptions options;
        options.home = machine.path(QStringLiteral("home"));
        options.cwd = machine.path(QStringLiteral("project"));
        options.systemRoot = SysRoots + QStringLiteral("/debian-12");
        options.runPrograms = true; // nothing runs on a copied machine: the versions stay unknown
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), machine.path(QStringLiteral("bin")));
        Inspection inspection = Inspection::run(options, environment);
        QVERIFY(std::none_of(inspection.findings.cbegin(), inspection.findings.cend(),
            [](const Finding &finding) { return finding.ruleId == u"codex-versions-differ"; }));
        // On this machine the fake binaries answer their versions.
        options.systemRoot.clear();
        options.probeTimeoutMs = 2000;
        inspection = Inspection::run(options, environment);
        const bool fired = std::any_of(inspection.findings.cbegin(), inspection.findings.cend(),
            [](const Finding &finding) { return finding.ruleId == u"codex-versions-differ"; });
        QCOMPARE(fired, ideVersion != u"0.171.0");
    }
}

void TestRiskRules::severity_followsWhatIsAtStake_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("finding");
    QTest::addColumn<Severity>("severity");
    // An ignored key is medium only when it is about what Codex may do.
    QTest::newRow("sandbox_mode stranded in a table")
        << QStringLiteral("[shell_environment_policy]\ninherit = \"core\"\nsandbox_mode = \"read-only\"\n")
        << QStringLiteral("security-setting-ignored") << Severity::Medium;
    QTest::newRow("model stranded in a table") << QStringLiteral("[tui]\nnotifications = true\nmodel = \"o3\"\n")
                                               << QStringLiteral("security-setting-ignored") << Severity::Info;
    // Nothing was probed on a copied machine: a question, not a risk found.
    QTest::newRow("not probed") << QStringLiteral("sandbox_mode = \"workspace-write\"\n")
                                << QStringLiteral("sandbox-enforcement-unknown") << Severity::Info;
    // The CLI more open than the cloud: a note, on almost every home with network.
    QTest::newRow("laptop more open than the cloud")
        << QStringLiteral("sandbox_mode = \"workspace-write\"\n[sandbox_workspace_write]\nnetwork_access = true\n")
        << QStringLiteral("cli-more-open-than-cloud") << Severity::Info;
}

void TestRiskRules::severity_followsWhatIsAtStake()
{
    QFETCH(QString, config);
    QFETCH(QString, finding);
    QFETCH(Severity, severity);
    Machine machine;
    QVERIFY(machine.setUp(Files{{UserConfig, config}}, {}));
    const Inspection inspection = machine.inspect({}, {}); // an empty copied machine: nothing can be probed
    const auto found = std::find_if(inspection.findings.cbegin(), inspection.findings.cend(),
        [&finding](const Finding &candidate) { return candidate.ruleId == finding; });
    QVERIFY2(found != inspection.findings.cend(), qPrintable(finding));
    QCOMPARE(found->severity, severity);
}

void TestRiskRules::whoCanAct_namesWhoCanChangeIt_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("actor");
    using Actor = WhoCanAct::Actor;
    const auto row = [](const char *name, Actor actor) {
        QTest::newRow(name) << QString::fromLatin1(name) << int(actor);
    };
    row("unattended: full access + never + network", Actor::GuidedFix);
    row("no user namespaces", Actor::Administrator); // a sysctl, with sudo
    row("requirement replaces never", Actor::Organisation);
    row("managed config replaces never", Actor::Organisation);
    row("cloud agent reaches every domain", Actor::CloudSettings);
    row("npx latest", Actor::You);
    row("config writable by everyone", Actor::You);
}

void TestRiskRules::whoCanAct_namesWhoCanChangeIt()
{
    QFETCH(QString, name);
    QFETCH(int, actor);
    const QList<RuleCase> cases = ruleCases();
    const auto found = std::find_if(cases.cbegin(), cases.cend(),
        [&name](const RuleCase &candidate) { return name == QLatin1StringView(candidate.name); });
    QVERIFY2(found != cases.cend(), qPrintable(name));
    Machine machine;
    QVERIFY(machine.setUp(found->files, found->modes));
    const Inspection inspection = machine.inspect(found->profile, found->sysroot);
    const auto finding = std::find_if(inspection.findings.cbegin(), inspection.findings.cend(),
        [&found](const Finding &candidate) { return candidate.ruleId == found->rule; });
    QVERIFY(finding != inspection.findings.cend());
    const WhoCanAct who = whoCanAct(*finding, inspection);
    QVERIFY2(int(who.actor) == actor, qPrintable(who.word() + QStringLiteral(": ") + who.text));
    QVERIFY(who.text.size() > 20);
}

QTEST_GUILESS_MAIN(TestRiskRules)
#include "tst_riskrules.moc"

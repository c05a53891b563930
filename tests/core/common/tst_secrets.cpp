// SPDX-License-Identifier: Apache-2.0
#include "core/common/secrets.h"
#include "core/config/configdocument.h"

#include <QTest>

using namespace Posture::Core;
using namespace Qt::StringLiterals;

class TestSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void maskText_hidesTokens_data();
    void maskText_hidesTokens();
    void isSecretKey_data();
    void isSecretKey();
    void mask_walksTablesAndArrays();
    void maskConfigText_keepsLinesAndHidesValues();
    void maskConfigText_masksWhatTheReportsMask();
    void isPlaceholder_data();
    void isPlaceholder();
};

void TestSecrets::isPlaceholder_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("placeholder");
    QTest::newRow("braced variable") << u"${ISSUES_TOKEN}"_s << true;
    QTest::newRow("bare variable") << u"$GITHUB_TOKEN"_s << true;
    QTest::newRow("windows variable") << u"%API_KEY%"_s << true;
    QTest::newRow("angle brackets") << u"<your token here>"_s << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("a token") << u"ghp_plaintext0123456789abcdefghijklmnopqrstu"_s << false;
    QTest::newRow("a word") << u"hunter2"_s << false;
    QTest::newRow("text around a variable") << u"Bearer ${TOKEN}"_s << false;
}

void TestSecrets::isPlaceholder()
{
    QFETCH(QString, value);
    QFETCH(bool, placeholder);
    QCOMPARE(Secrets::isPlaceholder(value), placeholder);
}

void TestSecrets::maskConfigText_keepsLinesAndHidesValues()
{
    const QString text = u"# keep me\nexperimental_bearer_token = \"plain-words-not-token-shaped\"\n"
                         u"env = { GITHUB_TOKEN = 'abc', LOG_LEVEL = \"info\" }\nbearer_token_env_var = \"MCP_TOKEN\"\n"
                         u"args = [\"--key\", \"sk-proj-abcdefgh12345678\"]\n"_s;
    const QString masked = Secrets::maskConfigText(text);
    QCOMPARE(masked.count(u'\n'), text.count(u'\n'));
    QVERIFY(masked.startsWith(u"# keep me\n"_s));
    QVERIFY(!masked.contains(u"plain-words"_s));
    QVERIFY(!masked.contains(u"'abc'"_s));
    QVERIFY(!masked.contains(u"sk-proj"_s));
    QVERIFY(!masked.contains(u"\"info\""_s)); // an env table's values are masked, as the reports mask them
    QVERIFY(masked.contains(u"bearer_token_env_var = \"MCP_TOKEN\""_s)); // a variable's name is no secret
}

void TestSecrets::maskConfigText_masksWhatTheReportsMask()
{
    // The diff and the config view (maskConfigText) hide every value that mask() hides in findings and reports.
    const QByteArray text = "model = \"o3\"\r\n[mcp_servers.docs]\r\ncommand = \"/opt/docs-mcp\"\r\n"
                            "[mcp_servers.docs.env]\r\nDOCS_HOST = \"docs.internal\"\r\n"
                            "[mcp_servers.web]\nurl = \"https://web.invalid/mcp\"\n"
                            "http_headers = { \"X-Team\" = \"red-team-7\", Accept = 'text/plain' }\n"
                            "[shell_environment_policy]\nset = { CI = \"on-the-box\" }\n"
                            "[model_providers.corp]\nname = \"Corp\"\n\"experimental_bearer_token\" = \"word-words\"\n"
                            "[tui]\nTOKEN_HINT = \"shown\"\n";
    const ConfigDocument document = ConfigDocument::fromBytes(text, u"/x/config.toml"_s);
    QCOMPARE(document.status(), ConfigDocument::Status::Parsed);
    const QString masked = Secrets::maskConfigText(QString::fromUtf8(text));
    QCOMPARE(masked.count(u'\n'), QString::fromUtf8(text).count(u'\n'));
    int hidden = 0;
    const std::function<void(const KeyPath &, const QVariant &)> walk = [&](const KeyPath &path,
                                                                            const QVariant &value) {
        if (value.typeId() == QMetaType::QVariantMap) {
            const QVariantMap table = value.toMap();
            for (auto it = table.cbegin(); it != table.cend(); ++it)
                walk(path + KeyPath{it.key()}, it.value());
        } else if (value.typeId() == QMetaType::QString && Secrets::mask(path, value) != value) {
            ++hidden;
            QVERIFY2(!masked.contains(value.toString()),
                qPrintable(keyPathToString(path) + u" is masked in reports but shown in:\n"_s + masked));
        }
    };
    walk({}, document.root());
    QCOMPARE(hidden, 6); // DOCS_HOST, X-Team, Accept, CI, the bearer token, and tui.TOKEN_HINT (its name says token)
    QVERIFY(masked.contains(u"command = \"/opt/docs-mcp\""_s));
    QVERIFY(masked.contains(u"model = \"o3\"\r\n"_s));
}

void TestSecrets::maskText_hidesTokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("openai key") << "sk-live-PLAINTEXT-0123456789abcdef" << "<masked>";
    QTest::newRow("a word ending in sk is no key") << "--ask-for-approval never" << "--ask-for-approval never";
    QTest::newRow("a key after a quote") << "token='sk-live-0123456789'" << "token='<masked>'";
    QTest::newRow("github token") << "ghp_plaintext0123456789abcdefghijklmnopqrstu" << "<masked>";
    QTest::newRow("bearer header") << "Authorization: Bearer abc.def-123456" << "Authorization: Bearer <masked>";
    QTest::newRow("inside a command") << "curl -H 'x: sk-proj-abcdefgh12345678' https://x.example"
                                      << "curl -H 'x: <masked>' https://x.example";
    QTest::newRow("aws key") << "AKIAABCDEFGHIJKLMNOP" << "<masked>";
    QTest::newRow("long random") << "a8F3kd93JfkeE0dk39dkFJ39dk3kdF93kd" << "<masked>";
    QTest::newRow("a path stays") << "/usr/local/lib/node_modules/@openai/codex/bin/codex.js"
                                  << "/usr/local/lib/node_modules/@openai/codex/bin/codex.js";
    QTest::newRow("a url stays") << "https://api.githubcopilot.com/mcp/" << "https://api.githubcopilot.com/mcp/";
    QTest::newRow("a word stays") << "workspace-write" << "workspace-write";
}

void TestSecrets::maskText_hidesTokens()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(Secrets::maskText(text), masked);
}

void TestSecrets::isSecretKey_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<bool>("secret");
    QTest::newRow("bearer token") << QStringList{u"model_providers"_s, u"x"_s, u"experimental_bearer_token"_s} << true;
    QTest::newRow("env value") << QStringList{u"mcp_servers"_s, u"x"_s, u"env"_s, u"LOG_LEVEL"_s} << true;
    QTest::newRow("header value") << QStringList{u"mcp_servers"_s, u"x"_s, u"http_headers"_s, u"X-Api"_s} << true;
    QTest::newRow("token variable name") << QStringList{u"mcp_servers"_s, u"x"_s, u"bearer_token_env_var"_s} << false;
    QTest::newRow("env_key names a variable") << QStringList{u"model_providers"_s, u"x"_s, u"env_key"_s} << false;
    QTest::newRow("sandbox mode") << QStringList{u"sandbox_mode"_s} << false;
}

void TestSecrets::isSecretKey()
{
    QFETCH(QStringList, path);
    QFETCH(bool, secret);
    QCOMPARE(Secrets::isSecretKey(path), secret);
}

void TestSecrets::mask_walksTablesAndArrays()
{
    const QVariantMap server{{QStringLiteral("command"), QStringLiteral("npx")},
        {QStringLiteral("args"),
            QStringList{QStringLiteral("--token"), QStringLiteral("ghp_abcdefghijklmnop0123456789")}},
        {QStringLiteral("env"), QVariantMap{{QStringLiteral("GITHUB_TOKEN"), QStringLiteral("short")}}}};
    const QVariantMap masked = Secrets::mask({QStringLiteral("mcp_servers"), QStringLiteral("x")}, server).toMap();
    QCOMPARE(masked.value(QStringLiteral("command")).toString(), QStringLiteral("npx"));
    QCOMPARE(masked.value(QStringLiteral("args")).toStringList(),
        (QStringList{QStringLiteral("--token"), Secrets::maskedText()}));
    QCOMPARE(masked.value(QStringLiteral("env")).toMap().value(QStringLiteral("GITHUB_TOKEN")).toString(),
        Secrets::maskedText());
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"

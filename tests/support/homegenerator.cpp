// SPDX-License-Identifier: Apache-2.0
#include "homegenerator.h"

#include "core/common/keypath.h"

#include <QDir>
#include <QFile>

namespace Posture::Tests {

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly)
        && file.write(bytes) == bytes.size();
}

QString describe(const QString &layer, const QByteArray &text)
{
    QString flat = QString::fromUtf8(text).simplified();
    return layer + QStringLiteral(": ") + flat.left(400);
}

} // namespace

HomeGenerator::HomeGenerator(quint32 seed)
    : m_random(seed)
{ }

QString HomeGenerator::string(const QString &text)
{
    return chance(25) ? u'\'' + text + u'\'' : u'"' + text + u'"';
}

QList<HomeGenerator::Assignment> HomeGenerator::userAssignments()
{
    QList<Assignment> out;
    const auto add = [&](const QStringList &path, const QString &literal) { out.append({path, literal}); };
    if (chance(50)) {
        add({QStringLiteral("approval_policy")},
            pick<QString>({string(QStringLiteral("on-request")), string(QStringLiteral("never")),
                string(QStringLiteral("never")), string(QStringLiteral("on-failure")),
                chance(30) ? string(QStringLiteral("untrusted")) : string(QStringLiteral("on-request")),
                QStringLiteral("{ granular = { sandbox_approval = true, rules = true, mcp_elicitations = false } }"),
                chance(30) ? string(QStringLiteral("sometimes")) : string(QStringLiteral("never"))}));
    }
    const int sandboxSystem = int(m_random.bounded(10));
    if (sandboxSystem < 5) {
        add({QStringLiteral("sandbox_mode")},
            pick<QString>({string(QStringLiteral("read-only")), string(QStringLiteral("workspace-write")),
                string(QStringLiteral("workspace-write")), string(QStringLiteral("danger-full-access")),
                chance(20) ? string(QStringLiteral("bogus")) : string(QStringLiteral("read-only"))}));
    }
    if (sandboxSystem >= 4 && sandboxSystem < 7) {
        const QString profile = pick<QString>({QStringLiteral(":read-only"), QStringLiteral(":workspace"),
            QStringLiteral(":danger-full-access"), QStringLiteral("dev"), QStringLiteral("dev")});
        add({QStringLiteral("default_permissions")}, string(profile));
        if (profile == u"dev" && chance(90)) {
            if (chance(80))
                add({QStringLiteral("permissions"), QStringLiteral("dev"), QStringLiteral("extends")},
                    string(pick<QString>({QStringLiteral(":workspace"), QStringLiteral(":read-only")})));
            if (chance(60))
                add({QStringLiteral("permissions"), QStringLiteral("dev"), QStringLiteral("network"),
                        QStringLiteral("enabled")},
                    chance(70) ? QStringLiteral("true") : QStringLiteral("false"));
            if (chance(40))
                add({QStringLiteral("permissions"), QStringLiteral("dev"), QStringLiteral("network"),
                        QStringLiteral("domains"), QStringLiteral("pypi.org")},
                    string(QStringLiteral("allow")));
        }
    }
    if (chance(45))
        add({QStringLiteral("sandbox_workspace_write"), QStringLiteral("network_access")},
            chance(5) ? string(QStringLiteral("yes"))
                      : (chance(75) ? QStringLiteral("true") : QStringLiteral("false")));
    if (chance(20))
        add({QStringLiteral("sandbox_workspace_write"), QStringLiteral("writable_roots")},
            QStringLiteral("[") + string(QStringLiteral("/tmp/scratch")) + u']');
    if (chance(25))
        add({QStringLiteral("web_search")},
            string(pick<QString>({QStringLiteral("cached"), QStringLiteral("live"), QStringLiteral("disabled")})));
    if (chance(15))
        add({QStringLiteral("features"), QStringLiteral("network_proxy")}, QStringLiteral("true"));
    if (chance(20))
        add({QStringLiteral("shell_environment_policy"), QStringLiteral("inherit")},
            string(pick<QString>({QStringLiteral("core"), QStringLiteral("all"), QStringLiteral("none")})));
    if (chance(20))
        add({QStringLiteral("model")}, string(QStringLiteral("gpt-5-codex")));
    if (chance(12)) {
        const QList<QStringList> unknown{{QStringLiteral("sandbox-mode")}, {QStringLiteral("bogus_key")},
            {QStringLiteral("sandbox_workspace_write"), QStringLiteral("network_acces")}};
        add(pick(unknown), string(QStringLiteral("workspace-write")));
    }
    if (chance(8))
        add({QStringLiteral("profiles"), QStringLiteral("ci"), QStringLiteral("sandbox_mode")},
            string(QStringLiteral("danger-full-access")));
    if (chance(4))
        add({QStringLiteral("profile")}, string(QStringLiteral("ci")));
    if (chance(10))
        add({QStringLiteral("notify")}, QStringLiteral("[") + string(QStringLiteral("true")) + u']');
    if (chance(15)) {
        // An MCP server: local, HTTP, or (rarely) with a key of the other transport or none at all.
        const QString server = pick<QString>({QStringLiteral("docs"), QStringLiteral("my.server")});
        const QStringList base{QStringLiteral("mcp_servers"), server};
        const int form = int(m_random.bounded(10));
        if (form < 4 || form == 8)
            add(base + QStringList{QStringLiteral("command")}, string(QStringLiteral("docs-server")));
        if (form >= 4 && form < 8)
            add(base + QStringList{QStringLiteral("url")}, string(QStringLiteral("https://mcp.example/")));
        if (form == 1)
            add(base + QStringList{QStringLiteral("env"), QStringLiteral("LOG_LEVEL")}, string(QStringLiteral("info")));
        if (form == 5)
            add(base + QStringList{QStringLiteral("bearer_token_env_var")}, string(QStringLiteral("MCP_TOKEN")));
        if (form == 8)
            add(base + QStringList{QStringLiteral("http_headers"), QStringLiteral("X-Team")},
                string(QStringLiteral("a")));
        if (form == 9)
            add(base + QStringList{QStringLiteral("enabled")}, QStringLiteral("true"));
    }
    if (chance(10)) {
        const QString id = pick<QString>({QStringLiteral("corp"), QStringLiteral("corp"), QStringLiteral("openai"),
            QStringLiteral("amazon-bedrock")});
        const QStringList base{QStringLiteral("model_providers"), id};
        add(base + QStringList{QStringLiteral("base_url")}, string(QStringLiteral("https://llm.example/v1")));
        if (chance(70))
            add(base + QStringList{QStringLiteral("name")}, string(QStringLiteral("Corp")));
    }
    return out;
}

QList<HomeGenerator::Assignment> HomeGenerator::profileAssignments()
{
    QList<Assignment> out;
    if (chance(60))
        out.append({{QStringLiteral("sandbox_mode")},
            string(pick<QString>({QStringLiteral("read-only"), QStringLiteral("workspace-write"),
                QStringLiteral("danger-full-access")}))});
    if (chance(50))
        out.append({{QStringLiteral("approval_policy")},
            string(pick<QString>({QStringLiteral("never"), QStringLiteral("on-request")}))});
    if (chance(35))
        out.append({{QStringLiteral("sandbox_workspace_write"), QStringLiteral("network_access")},
            chance(70) ? QStringLiteral("true") : QStringLiteral("false")});
    if (chance(15))
        out.append({{QStringLiteral("default_permissions")},
            string(pick<QString>({QStringLiteral(":workspace"), QStringLiteral(":read-only")}))});
    return out;
}

QList<HomeGenerator::Assignment> HomeGenerator::projectAssignments()
{
    QList<Assignment> out;
    if (chance(60))
        out.append({{QStringLiteral("sandbox_mode")},
            string(pick<QString>({QStringLiteral("danger-full-access"), QStringLiteral("workspace-write"),
                QStringLiteral("read-only")}))});
    if (chance(50))
        out.append({{QStringLiteral("approval_policy")},
            string(pick<QString>({QStringLiteral("never"), QStringLiteral("on-request")}))});
    if (chance(35))
        out.append(
            {{QStringLiteral("sandbox_workspace_write"), QStringLiteral("network_access")}, QStringLiteral("true")});
    if (chance(20))
        out.append({{QStringLiteral("notify")}, QStringLiteral("[") + string(QStringLiteral("true")) + u']'});
    if (chance(10))
        out.append({{QStringLiteral("model_provider")}, string(QStringLiteral("corp"))});
    if (chance(10))
        out.append({{QStringLiteral("bogus_key")}, QStringLiteral("1")});
    if (chance(8))
        out.append({{QStringLiteral("sandbox_mode")}, QStringLiteral("5")}); // wrong type (a duplicate if both)
    return out;
}

QByteArray HomeGenerator::render(const QList<Assignment> &assignments, QString *style)
{
    const bool crlf = chance(20);
    const bool bom = chance(10);
    const bool comments = chance(50);
    const bool quoteKeys = chance(20);
    const auto keyText = [&](const QString &key) {
        return quoteKeys ? u'"' + key + u'"' : Core::keyPathToString({key});
    };
    // Group nested keys by their table; top-level keys go first, except one written after a header (the trap).
    QStringList top;
    QList<QPair<QStringList, QStringList>> tables; // table path, "key = value" lines
    for (const Assignment &assignment : assignments) {
        const QString line = keyText(assignment.path.constLast()) + QStringLiteral(" = ") + assignment.literal;
        if (assignment.path.size() == 1) {
            top.append(line);
            continue;
        }
        const QStringList table = assignment.path.first(assignment.path.size() - 1);
        auto it = std::find_if(tables.begin(), tables.end(), [&](const auto &entry) { return entry.first == table; });
        if (it == tables.end())
            tables.append({table, {line}});
        else
            it->second.append(line);
    }
    QStringList dotted;
    QStringList sections;
    QStringList styles;
    for (const auto &[table, lines] : std::as_const(tables)) {
        const bool isPrefix = std::any_of(tables.cbegin(), tables.cend(), [&](const auto &other) {
            return other.first.size() > table.size() && other.first.first(table.size()) == table;
        });
        const int form = int(m_random.bounded(3));
        const QString tableText = Core::keyPathToString(table);
        if (form == 1) {
            for (const QString &line : lines)
                dotted.append(tableText + u'.' + line);
            styles.append(QStringLiteral("dotted"));
        } else if (form == 2 && !isPrefix && table.size() == 1 && chance(50)) {
            // TOML 1.1, which Codex parses: the inline table over several lines, with a trailing comma.
            dotted.append(tableText + QStringLiteral(" = {\n    ") + lines.join(QStringLiteral(",\n    "))
                + QStringLiteral(",\n}"));
            styles.append(QStringLiteral("inline-1.1"));
        } else if (form == 2 && !isPrefix && table.size() == 1) {
            dotted.append(
                tableText + QStringLiteral(" = { ") + lines.join(QStringLiteral(", ")) + QStringLiteral(" }"));
            styles.append(QStringLiteral("inline"));
        } else {
            sections.append(u'[' + tableText + u']' + (comments ? QStringLiteral(" # table") : QString()) + u'\n'
                + lines.join(u'\n'));
            styles.append(QStringLiteral("header"));
        }
    }
    QString trapped;
    if (!top.isEmpty() && !sections.isEmpty() && chance(12)) {
        trapped = top.takeLast();
        sections.first() += u'\n' + trapped;
        styles.append(QStringLiteral("trap"));
    }
    QString text = comments ? QStringLiteral("# generated by codex-posture's differential test\n") : QString();
    for (const QString &line : std::as_const(top))
        text += line + (comments && chance(30) ? QStringLiteral("   # why") : QString()) + u'\n';
    for (const QString &line : std::as_const(dotted))
        text += line + u'\n';
    for (const QString &section : std::as_const(sections))
        text += u'\n' + section + u'\n';
    if (crlf)
        text.replace(u'\n', QStringLiteral("\r\n"));
    styles << (crlf ? QStringLiteral("crlf") : QString()) << (bom ? QStringLiteral("bom") : QString())
           << (quoteKeys ? QStringLiteral("quoted") : QString());
    styles.removeAll(QString());
    *style = styles.join(u',');
    return (bom ? QByteArray("\xEF\xBB\xBF") : QByteArray()) + text.toUtf8();
}

CodexCase HomeGenerator::generate(const QString &root, QString *description)
{
    CodexCase codexCase;
    codexCase.home = root + QStringLiteral("/home");
    codexCase.codexHome = codexCase.home + QStringLiteral("/.codex");
    codexCase.cwd = root + QStringLiteral("/workdir");
    codexCase.systemRoot = root + QStringLiteral("/system-root");
    QDir().mkpath(codexCase.codexHome);
    QDir().mkpath(codexCase.cwd);
    QStringList parts;
    QString style;

    QList<Assignment> user = userAssignments();
    const int project = int(m_random.bounded(10)); // 0-3: a project; then who trusts it
    QString projectDir;
    if (project < 4) {
        projectDir = root + QStringLiteral("/project");
        QDir().mkpath(projectDir + QStringLiteral("/.git"));
        codexCase.cwd = chance(25) ? projectDir + QStringLiteral("/src") : projectDir;
        QDir().mkpath(codexCase.cwd);
        const QString trust = pick<QString>(
            {QStringLiteral("trusted"), QStringLiteral("trusted"), QStringLiteral("untrusted"), QString()});
        if (!trust.isEmpty())
            user.append({{QStringLiteral("projects"), projectDir, QStringLiteral("trust_level")}, string(trust)});
        const QList<Assignment> projectKeys = projectAssignments();
        if (!projectKeys.isEmpty()) {
            const QByteArray text = render(projectKeys, &style);
            writeFile(projectDir + QStringLiteral("/.codex/config.toml"), text);
            parts.append(describe(QStringLiteral("project (") + (trust.isEmpty() ? QStringLiteral("no entry") : trust)
                    + QStringLiteral(", ") + style + u')',
                text));
        }
    }
    const QByteArray userText = render(user, &style);
    writeFile(codexCase.codexHome + QStringLiteral("/config.toml"), userText);
    parts.prepend(describe(QStringLiteral("user (") + style + u')', userText));
    if (chance(30)) {
        const QByteArray profileText = render(profileAssignments(), &style);
        writeFile(codexCase.codexHome + QStringLiteral("/ci.config.toml"), profileText);
        parts.append(describe(QStringLiteral("ci.config.toml (") + style + u')', profileText));
        if (chance(85))
            codexCase.profile = QStringLiteral("ci");
    }
    *description =
        (codexCase.profile.isEmpty() ? QString() : QStringLiteral("-p ci; ")) + parts.join(QStringLiteral("; "));
    return codexCase;
}

} // namespace Posture::Tests

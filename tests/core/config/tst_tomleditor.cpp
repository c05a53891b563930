// SPDX-License-Identifier: Apache-2.0
// The span editor: the edits a fix needs, on text that must survive byte for byte, and the whole TOML 1.0 suite of
// toml-test: invalid files are refused with a line and column; on valid ones a no-op is byte-identical, and setting
// or removing each key changes that key only.
#include "core/config/configdocument.h"
#include "core/config/tomleditor.h"
#include "tomltestsuite.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Posture::Core;

namespace {

const QString Suite = Posture::Tests::tomlTestSuite();

// The suite's cases of one kind ("valid", "invalid") for TOML 1.1, what Codex parses, as paths.
QStringList suiteCases(const QString &kind)
{
    QStringList cases;
    for (const QString &name : Posture::Tests::tomlTestCases(QStringLiteral("1.1.0"))) {
        if (name.startsWith(kind + u'/'))
            cases.append(Posture::Tests::tomlTestSuite() + u'/' + name);
    }
    return cases;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every leaf of a parsed document that an edit may target: values in tables, not inside arrays.
void leaves(const QVariantMap &table, KeyPath &path, QList<KeyPath> &out)
{
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        path.append(it.key());
        if (it.value().typeId() == QMetaType::QVariantMap)
            leaves(it.value().toMap(), path, out);
        else
            out.append(path);
        path.removeLast();
    }
}

qsizetype lineStart(const QByteArray &bytes, int line)
{
    qsizetype at = 0;
    for (int i = 1; i < line && at >= 0; ++i)
        at = bytes.indexOf('\n', at) + 1;
    return at;
}

} // namespace

class TestTomlEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edits_data();
    void edits();
    void invalidInput_isRefusedWithLineAndColumn();
    void suiteInvalid_isRefused();
    void suiteValid_noOpIsByteIdentical_andEditsChangeOnlyTheirKey();
};

void TestTomlEditor::edits_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QString>("operation"); // "set" or "remove"
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray config = "# my settings\nmodel = \"o3\"  # fast\napproval_policy = \"never\" # yolo\n\n"
                              "[sandbox_workspace_write]\n# keep offline\nnetwork_access = true\n\n[notice]\nx = 1\n";
    QTest::newRow("set keeps the comment after the value")
        << config << "set" << "approval_policy" << QVariant(QStringLiteral("on-request"))
        << QByteArray("# my settings\nmodel = \"o3\"  # fast\napproval_policy = \"on-request\" # yolo\n\n"
                      "[sandbox_workspace_write]\n# keep offline\nnetwork_access = true\n\n[notice]\nx = 1\n");
    QTest::newRow("a top-level key goes before the first table")
        << config << "set" << "sandbox_mode" << QVariant(QStringLiteral("workspace-write"))
        << QByteArray("# my settings\nmodel = \"o3\"  # fast\napproval_policy = \"never\" # yolo\n"
                      "sandbox_mode = \"workspace-write\"\n\n[sandbox_workspace_write]\n# keep offline\n"
                      "network_access = true\n\n[notice]\nx = 1\n");
    QTest::newRow("a key goes after its table's last key")
        << config << "set" << "sandbox_workspace_write.exclude_slash_tmp" << QVariant(true)
        << QByteArray("# my settings\nmodel = \"o3\"  # fast\napproval_policy = \"never\" # yolo\n\n"
                      "[sandbox_workspace_write]\n# keep offline\nnetwork_access = true\nexclude_slash_tmp = true\n\n"
                      "[notice]\nx = 1\n");
    QTest::newRow("a missing table is created at the end")
        << config << "set" << "features.network_proxy" << QVariant(false)
        << QByteArray(config + "\n[features]\nnetwork_proxy = false\n");
    QTest::newRow("remove takes only the key's line")
        << config << "remove" << "sandbox_workspace_write.network_access" << QVariant()
        << QByteArray("# my settings\nmodel = \"o3\"  # fast\napproval_policy = \"never\" # yolo\n\n"
                      "[sandbox_workspace_write]\n# keep offline\n\n[notice]\nx = 1\n");
    QTest::newRow("CRLF stays CRLF") << QByteArray("a = 1\r\n[t]\r\nb = 2\r\n") << "set" << "t.c" << QVariant(3)
                                     << QByteArray("a = 1\r\n[t]\r\nb = 2\r\nc = 3\r\n");
    QTest::newRow("a BOM stays") << QByteArray("\xEF\xBB\xBFmodel = \"o3\"\n") << "set" << "model"
                                 << QVariant(QStringLiteral("gpt-5")) << QByteArray("\xEF\xBB\xBFmodel = \"gpt-5\"\n");
    QTest::newRow("no final newline stays so")
        << QByteArray("a = 1\nb = 2") << "set" << "c" << QVariant(3) << QByteArray("a = 1\nb = 2\nc = 3");
    QTest::newRow("remove the last line without newline")
        << QByteArray("a = 1\nb = 2") << "remove" << "b" << QVariant() << QByteArray("a = 1");
    QTest::newRow("a literal string stays literal")
        << QByteArray("path = 'C:\\tmp'\n") << "set" << "path" << QVariant(QStringLiteral("D:\\x"))
        << QByteArray("path = 'D:\\x'\n");
    QTest::newRow("a new key quoted like its neighbour")
        << QByteArray("[t]\nname = 'a'\n") << "set" << "t.path" << QVariant(QStringLiteral("/x"))
        << QByteArray("[t]\nname = 'a'\npath = '/x'\n");
    QTest::newRow("inside an inline table") << QByteArray("env = { A = \"1\", B = \"2\" }\n") << "remove" << "env.A"
                                            << QVariant() << QByteArray("env = { B = \"2\" }\n");
    QTest::newRow("into an inline table")
        << QByteArray("env = { A = \"1\" }\n") << "set" << "env.B" << QVariant(QStringLiteral("2"))
        << QByteArray("env = { A = \"1\", B = \"2\" }\n");
    QTest::newRow("a dotted key") << QByteArray("[t]\nf.g = true # on\n") << "set" << "t.f.g" << QVariant(false)
                                  << QByteArray("[t]\nf.g = false # on\n");
    QTest::newRow("into a dotted table") << QByteArray("[t]\nf.g = true\n") << "set" << "t.f.h" << QVariant(1)
                                         << QByteArray("[t]\nf.g = true\nf.h = 1\n");
    QTest::newRow("a quoted key") << QByteArray("[projects.\"/home/a b\"]\ntrust_level = \"trusted\"\n") << "remove"
                                  << "projects./home/a b.trust_level" << QVariant()
                                  << QByteArray("[projects.\"/home/a b\"]\n");
    QTest::newRow("an array of strings") << QByteArray("[s]\nroots = [\"a\"]\n") << "set" << "s.roots"
                                         << QVariant(QStringList{QStringLiteral("a"), QStringLiteral("b\"c")})
                                         << QByteArray("[s]\nroots = [\"a\", \"b\\\"c\"]\n");
    QTest::newRow("non-ASCII before the value")
        << QByteArray("name = \"Zoë\" # ü\nx = \"ü\"\n") << "set" << "x" << QVariant(QStringLiteral("ß"))
        << QByteArray("name = \"Zoë\" # ü\nx = \"ß\"\n");
    // TOML 1.1, which Codex parses: an inline table over several lines, with a trailing comma.
    QTest::newRow("inside a multi-line inline table")
        << QByteArray("srv = {\n  command = \"x\",\n  timeout = 5,\n}\n") << "set" << "srv.timeout" << QVariant(10)
        << QByteArray("srv = {\n  command = \"x\",\n  timeout = 10,\n}\n");
    QTest::newRow("out of a multi-line inline table")
        << QByteArray("srv = {\n  command = \"x\",\n  timeout = 5,\n}\n") << "remove" << "srv.timeout" << QVariant()
        << QByteArray("srv = {\n  command = \"x\",\n}\n");
    // Found by the fuzz smoke: a quoted key starting with a BOM elsewhere in the file, and the value set to itself.
    QTest::newRow("a key beside a BOM-named key, set to its value")
        << QByteArray("name.f = 1979-05-27T07:32\nirst = \"Arthur\"\n\"\xEF\xBB\xBFname\".'last' = \"Dent\"\n\n"
                      "many.dots.dot.6ot.dot = 42\n")
        << "set" << "many.dots.dot.6ot.dot" << QVariant(42)
        << QByteArray("name.f = 1979-05-27T07:32\nirst = \"Arthur\"\n\"\xEF\xBB\xBFname\".'last' = \"Dent\"\n\n"
                      "many.dots.dot.6ot.dot = 42\n");
    QTest::newRow("an empty file") << QByteArray() << "set" << "approval_policy"
                                   << QVariant(QStringLiteral("on-request"))
                                   << QByteArray("approval_policy = \"on-request\"\n");
}

void TestTomlEditor::edits()
{
    QFETCH(QByteArray, original);
    QFETCH(QString, operation);
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QFETCH(QByteArray, expected);
    // Keys with dots inside (a quoted path) are split on the key the test names with a slash-aware split.
    KeyPath path;
    if (key.startsWith(QStringLiteral("projects./")))
        path = {QStringLiteral("projects"), key.mid(9, key.lastIndexOf(u'.') - 9), key.section(u'.', -1)};
    else
        path = key.split(u'.');
    const TomlEditor::Result result =
        operation == u"set" ? TomlEditor::setValue(original, path, value) : TomlEditor::removeKey(original, path);
    QVERIFY2(result.ok(), qPrintable(result.problem ? result.problem->text : QString()));
    QCOMPARE(result.bytes, expected);
}

void TestTomlEditor::invalidInput_isRefusedWithLineAndColumn()
{
    const QByteArray broken = "a = 1\nb = [1,\n";
    const TomlEditor::Result result = TomlEditor::setValue(broken, {QStringLiteral("a")}, 2);
    QVERIFY(!result.ok());
    QCOMPARE(result.bytes, broken);
    QVERIFY(result.problem->location.line >= 2);
    QVERIFY(result.problem->location.column >= 1);
    // A key that shares its line cannot be removed alone: refused, not guessed.
    const TomlEditor::Result table = TomlEditor::removeKey("[t]\na = 1\n", {QStringLiteral("t")});
    QVERIFY(!table.ok());
    QVERIFY(table.problem->text.contains(QStringLiteral("table")));
}

void TestTomlEditor::suiteInvalid_isRefused()
{
    const QStringList cases = suiteCases(QStringLiteral("invalid"));
    QVERIFY2(cases.size() > 400, "the toml-test suite is missing: the tests need ../shared");
    QStringList failures;
    for (const QString &path : cases) {
        const QByteArray bytes = readFile(path);
        const TomlEditor::Result result = TomlEditor::setValue(bytes, {QStringLiteral("codex_posture")}, true);
        if (result.ok() || result.bytes != bytes || result.problem->location.line < 1
            || result.problem->location.column < 1)
            failures.append(path.mid(Suite.size() + 1));
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

void TestTomlEditor::suiteValid_noOpIsByteIdentical_andEditsChangeOnlyTheirKey()
{
    const QStringList cases = suiteCases(QStringLiteral("valid"));
    QVERIFY2(cases.size() > 150, "the toml-test suite is missing: the tests need ../shared");
    QStringList failures;
    int edits = 0;
    int refused = 0;
    for (const QString &file : cases) {
        const QString name = file.mid(Suite.size() + 1);
        const QByteArray original = readFile(file);
        const ConfigDocument document = ConfigDocument::fromBytes(original, file);
        if (document.status() != ConfigDocument::Status::Parsed) {
            failures.append(name + QStringLiteral(": does not parse"));
            continue;
        }
        QList<KeyPath> paths;
        KeyPath walk;
        leaves(document.root(), walk, paths);
        for (const KeyPath &path : std::as_const(paths)) {
            const TomlEditor::Result noOp = TomlEditor::setValue(original, path, document.value(path));
            if (!noOp.ok() || noOp.bytes != original) {
                failures.append(name + QStringLiteral(": no-op on %1 changed the file").arg(keyPathToString(path)));
                continue;
            }
            const int line = document.location(path).line;
            for (const bool remove : {false, true}) {
                const TomlEditor::Result edit = remove
                    ? TomlEditor::removeKey(original, path)
                    : TomlEditor::setValue(original, path, QStringLiteral("codex-posture"));
                if (!edit.ok()) {
                    ++refused; // refused with a reason (a key sharing its line, an array of tables, ...)
                    continue;
                }
                ++edits;
                // Independently of the editor's own proof: outside the span it claims, every byte is the same;
                // the span starts on the key's line; for a set it is exactly the old value; the meaning is the
                // original's with that one change; and no comment outside the span was lost.
                const QString where =
                    name + u' ' + keyPathToString(path) + (remove ? QStringLiteral(" remove") : QStringLiteral(" set"));
                const qsizetype tail = original.size() - edit.spanEnd;
                if (edit.bytes.left(edit.spanBegin) != original.left(edit.spanBegin) || edit.bytes.size() < tail
                    || edit.bytes.right(tail) != original.right(tail))
                    failures.append(where + QStringLiteral(": bytes outside the span changed"));
                const qsizetype keyLine = lineStart(original, line);
                const qsizetype keyLineEnd =
                    original.indexOf('\n', keyLine) < 0 ? original.size() : original.indexOf('\n', keyLine) + 1;
                if (edit.spanBegin < keyLine - 2 || edit.spanBegin > keyLineEnd)
                    failures.append(where + QStringLiteral(": the span does not start on the key's line"));
                if (!remove
                    && !(ConfigDocument::fromBytes(
                             "v = " + original.mid(edit.spanBegin, edit.spanEnd - edit.spanBegin) + '\n', {})
                             .value({QStringLiteral("v")})
                        == document.value(path))
                    && document.value(path) == document.value(path)) // nan is never equal to itself
                    failures.append(where + QStringLiteral(": the span is not the old value"));
                const ConfigDocument after = ConfigDocument::fromBytes(edit.bytes, file);
                if (after.status() != ConfigDocument::Status::Parsed
                    || (remove ? after.value(path).isValid()
                               : after.value(path) != QVariant(QStringLiteral("codex-posture"))))
                    failures.append(where + QStringLiteral(": the key does not have its new value"));
                // Every other leaf keeps its value (nan compared as text).
                for (const KeyPath &other : std::as_const(paths)) {
                    if (other != path
                        && after.value(other).toString() + after.value(other).typeName()
                            != document.value(other).toString() + document.value(other).typeName())
                        failures.append(where + QStringLiteral(": %1 changed too").arg(keyPathToString(other)));
                }
            }
        }
    }
    qInfo("%lld valid cases, %d edits proven, %d refused with a reason", qlonglong(cases.size()), edits, refused);
    QVERIFY(edits > 500);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTomlEditor)
#include "tst_tomleditor.moc"

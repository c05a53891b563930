// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the span editor (scripts/fuzz). The input is a TOML text; a hash of it picks a key and an
// edit. Invariants, each an abort when broken:
//  - text that does not parse is refused, and the bytes come back unchanged;
//  - setting a key to its own value changes no byte;
//  - a set, a remove or an insertion that the editor accepts parses again, gives the key its new value (or none),
//    leaves every other value as it was, and leaves every byte outside the span it reports untouched.
#include "core/config/configdocument.h"
#include "core/config/tomleditor.h"

#include <cstdint>
#include <cstdlib>

using namespace Posture::Core;

namespace {

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

// Values compared as text and type, so that nan equals nan.
QString fingerprint(const QVariant &value)
{
    return QString::fromLatin1(value.typeName()) + u':' + value.toString();
}

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkEdit(const QByteArray &original, const ConfigDocument &before, const QList<KeyPath> &paths,
    const TomlEditor::Result &edit, const KeyPath &path, const QVariant &expected)
{
    if (!edit.ok()) {
        check(edit.bytes == original); // refused: nothing changed
        return;
    }
    const qsizetype tail = original.size() - edit.spanEnd;
    check(edit.spanBegin >= 0 && edit.spanBegin <= edit.spanEnd && edit.spanEnd <= original.size());
    check(edit.bytes.left(edit.spanBegin) == original.left(edit.spanBegin));
    check(edit.bytes.size() >= tail && edit.bytes.right(tail) == original.right(tail));
    const ConfigDocument after = ConfigDocument::fromBytes(edit.bytes, {});
    check(after.status() == ConfigDocument::Status::Parsed);
    check(expected.isValid() ? fingerprint(after.value(path)) == fingerprint(expected) : !after.value(path).isValid());
    for (const KeyPath &other : paths) {
        if (other != path)
            check(fingerprint(after.value(other)) == fingerprint(before.value(other)));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    uint32_t choice = 2166136261u; // FNV-1a: the same input always makes the same choice
    for (size_t i = 0; i < size; ++i)
        choice = (choice ^ data[i]) * 16777619u;
    const ConfigDocument document = ConfigDocument::fromBytes(text, {});
    if (document.status() != ConfigDocument::Status::Parsed) {
        const TomlEditor::Result result = TomlEditor::setValue(text, {QStringLiteral("codex_posture")}, true);
        check(!result.ok() && result.bytes == text);
        return 0;
    }
    QList<KeyPath> paths;
    KeyPath walk;
    leaves(document.root(), walk, paths);
    const QVariant fuzz = QStringLiteral("fuzz");
    if (paths.isEmpty()) {
        checkEdit(text, document, paths, TomlEditor::setValue(text, {QStringLiteral("codex_posture")}, fuzz),
            {QStringLiteral("codex_posture")}, fuzz);
        return 0;
    }
    const KeyPath &path = paths.at(qsizetype(choice % uint32_t(paths.size())));
    switch ((choice / uint32_t(paths.size())) % 4) {
    case 0: {
        const TomlEditor::Result same = TomlEditor::setValue(text, path, document.value(path));
        check(same.ok() && same.bytes == text);
        break;
    }
    case 1:
        checkEdit(text, document, paths, TomlEditor::setValue(text, path, fuzz), path, fuzz);
        break;
    case 2:
        checkEdit(text, document, paths, TomlEditor::removeKey(text, path), path, QVariant());
        break;
    default: {
        KeyPath sibling = path;
        sibling.last() = QStringLiteral("codex_posture_new");
        if (!document.value(sibling).isValid())
            checkEdit(text, document, paths, TomlEditor::setValue(text, sibling, fuzz), sibling, fuzz);
        break;
    }
    }
    return 0;
}

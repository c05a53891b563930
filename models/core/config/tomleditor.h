// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/keypath.h"
#include "core/config/diagnostic.h"

#include <QByteArray>
#include <QVariant>

#include <memory>

namespace Posture::Core {

struct TomlTree; // core/config/configdocumenttree.h: toml++'s tree of a file

// Edits a TOML file as text: each operation replaces, inserts or removes exactly the bytes it concerns, so comments,
// blank lines, key order, indentation, quoting, CRLF, a BOM and a missing final newline all survive. (toml++ writes
// a parsed tree back without comments, and no library edits TOML text in place; hence this.) Every edit is proven:
// the result is parsed again and must equal the original with exactly the intended change, or the edit is refused.
class TomlEditor
{
public:
    struct Result
    {
        QByteArray bytes; // the edited text; the original when refused
        std::optional<Diagnostic> problem; // why it was refused (a parse error has its line and column)
        // The bytes of the original the edit replaced: [spanBegin, spanEnd); everything outside is identical.
        qsizetype spanBegin = 0;
        qsizetype spanEnd = 0;
        // The parse of bytes (the proof's, or the one given when nothing changed): the next edit of them needs no
        // parse.
        std::shared_ptr<const TomlTree> tree;
        bool ok() const { return !problem; }
    };

    // Sets the value at path (string, bool, integer, double or a list of strings), inserting the key (and its table)
    // when it is missing: top-level keys go before the first table header, others after their table's last key.
    // `given` is a parse of the original when the caller has one (used only if it is of exactly these bytes).
    static Result setValue(const QByteArray &original, const KeyPath &path, const QVariant &value,
        const std::shared_ptr<const TomlTree> &given = {});
    // Removes the key at path and only its line(s) (or only itself inside an inline table).
    static Result removeKey(
        const QByteArray &original, const KeyPath &path, const std::shared_ptr<const TomlTree> &given = {});

    // The TOML text of a value, quoted like `style` (a neighbour's text: 'literal' or "basic") when possible.
    static QByteArray render(const QVariant &value, const QByteArray &style = {});
};

// A value as TOML writes it, for messages and cells: "never", true, ["a", "b"] (TomlEditor::render, the one renderer;
// a table is "{...}").
QString tomlValueText(const QVariant &value);

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
// FixApplier's previews: a fix's operations applied in memory to its file's bytes, alone or several per file.
#include "core/common/secrets.h"
#include "core/config/tomleditor.h"
#include "core/config/tomltext.h"
#include "core/fixes/fixapplier.h"
#include "core/fixes/fixsafety.h"
#include "core/fixes/unifieddiff.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace Posture::Core {

QStringList FixPreview::fixIds() const
{
    QStringList ids;
    for (const Fix &carried : fixes.isEmpty() ? QList<Fix>{fix} : fixes)
        ids.append(carried.id);
    return ids;
}

} // namespace Posture::Core

namespace Posture::Core::FixApplier {

namespace {

Diagnostic problemIn(const QString &file, const QString &text, const QString &hint = {})
{
    return Diagnostic{DiagnosticSeverity::Error, {file, 0, 0}, text, hint, {}, {}};
}

// The file's bytes, or why they cannot be read; a file that does not exist is empty (the fix creates it).
struct FileBytes
{
    QByteArray bytes;
    bool existed = false;
    std::optional<Diagnostic> problem;
};

FileBytes readFile(const QString &path)
{
    FileBytes result;
    QFile file(path);
    result.existed = file.exists();
    if (result.existed && !file.open(QIODevice::ReadOnly)) {
        result.problem = problemIn(
            path, QStringLiteral("cannot be read: %1").arg(file.errorString()), QStringLiteral("Nothing was changed."));
        return result;
    }
    result.bytes = file.isOpen() ? file.readAll() : QByteArray();
    return result;
}

// The fix's operations on `bytes`, each proven by the editor. `original` is the file as read: a key an earlier fix
// removed from it is gone already, and removing it again is done, not a problem. The first edit goes by the
// inspection's parse of the file when the file still holds those bytes, each next one by the proof of the one before.
TomlEditor::Result applyOperations(const QByteArray &bytes, const Fix &fix, const QByteArray &original)
{
    TomlEditor::Result result{bytes, std::nullopt, 0, 0, fix.parsed};
    for (const FixOperation &operation : fix.operations) {
        const bool set = operation.kind == FixOperation::Kind::Set;
        TomlEditor::Result edit = set ? TomlEditor::setValue(result.bytes, operation.path, operation.value, result.tree)
                                      : TomlEditor::removeKey(result.bytes, operation.path, result.tree);
        if (!edit.ok() && !set && result.bytes != original
            && TomlEditor::removeKey(original, operation.path, fix.parsed).ok())
            continue; // removed by an earlier fix of the same file
        if (!edit.ok()) {
            edit.problem->location.file = fix.file;
            return edit;
        }
        result.bytes = edit.bytes;
        result.tree = edit.tree;
    }
    return result;
}

// The index of the nearest table header line at or above line `index` (both from 0) of `text`, or -1. A header is
// what Secrets::maskConfigText takes for one, so that masking a line after its header masks it as the whole text
// would. Asked only for the few lines a diff shows, so a 1 MB file is not searched for every header.
int headerAtOrAbove(const TomlText &text, int index)
{
    static const QRegularExpression header(QStringLiteral("^\\s*\\[\\[?\\s*([^\\]]+?)\\s*\\]"));
    for (int i = std::min(index, text.lineCount() - 1); i >= 0; --i) {
        const QByteArray line = text.line(i + 1);
        if (QByteArrayView(line).trimmed().startsWith('[') && header.match(QString::fromUtf8(line)).hasMatch())
            return i;
    }
    return -1;
}

// The diff is shown with secrets masked: the lines are compared as they are, and the few lines shown are masked after
// the table header they are under (Secrets::maskConfigText works line by line, following headers).
QString maskedDiff(const QByteArray &before, const QByteArray &after, const QString &file)
{
    const TomlText sides[2] = {TomlText(before), TomlText(after)};
    return unifiedDiff(before, after, file, [&sides](bool isAfter, int index, const QByteArray &line) {
        const TomlText &side = sides[isAfter ? 1 : 0];
        const int header = headerAtOrAbove(side, index);
        if (header < 0 || header == index)
            return Secrets::maskConfigText(QString::fromUtf8(line)).toUtf8().split('\n').constFirst();
        const QString masked = Secrets::maskConfigText(QString::fromUtf8(side.line(header + 1) + '\n' + line));
        return masked.toUtf8().split('\n').value(1);
    });
}

FixPreview problemPreview(const Fix &fix, const Diagnostic &problem, const QByteArray &before = {})
{
    FixPreview result;
    result.fix = fix;
    result.fixes = {fix};
    result.before = before;
    result.after = before;
    result.problem = problem;
    return result;
}

} // namespace

FixPreview preview(const Fix &fix)
{
    if (!fix.applicable())
        return problemPreview(fix, problemIn(fix.file, fix.refusal));
    const FileBytes file = readFile(fix.file);
    if (file.problem)
        return problemPreview(fix, *file.problem);
    const TomlEditor::Result edit = applyOperations(file.bytes, fix, file.bytes);
    if (!edit.ok())
        return problemPreview(fix, *edit.problem, file.bytes);
    FixPreview result;
    result.fix = fix;
    result.fixes = {fix};
    result.before = file.bytes;
    result.fileExisted = file.existed;
    result.after = edit.bytes;
    result.afterParsed = edit.tree;
    result.diff = maskedDiff(result.before, result.after, fix.file);
    return result;
}

QList<FixPreview> previewTogether(const QList<Fix> &fixes, const InspectionFacts &inspection)
{
    // Each file's fixes, in the order of the file's first fix; a refused fix keeps its place as a preview of its own.
    struct Slot
    {
        std::optional<Fix> refused;
        QString file;
        QList<Fix> fixes;
    };
    QList<Slot> slots;
    QHash<QString, qsizetype> slotOfFile;
    for (const Fix &fix : fixes) {
        if (!fix.applicable()) {
            slots.append({fix, {}, {}});
            continue;
        }
        const QString file = QFileInfo(fix.file).absoluteFilePath();
        const auto known = slotOfFile.constFind(file);
        if (known != slotOfFile.cend()) {
            slots[*known].fixes.append(fix);
            continue;
        }
        slotOfFile.insert(file, slots.size());
        slots.append({std::nullopt, fix.file, {fix}});
    }

    QList<FixPreview> previews;
    for (const Slot &slot : std::as_const(slots)) {
        if (slot.refused) {
            previews.append(preview(*slot.refused));
            continue;
        }
        if (slot.fixes.size() == 1) {
            previews.append(preview(slot.fixes.constFirst()));
            continue;
        }
        const FileBytes file = readFile(slot.file);
        if (file.problem) {
            for (const Fix &fix : slot.fixes)
                previews.append(problemPreview(fix, *file.problem));
            continue;
        }
        FixPreview combined;
        combined.before = file.bytes;
        combined.fileExisted = file.existed;
        QByteArray bytes = file.bytes;
        std::shared_ptr<const TomlTree> parsed;
        QList<FixPreview> refusedHere;
        for (const Fix &fix : slot.fixes) {
            const TomlEditor::Result edit = applyOperations(bytes, fix, file.bytes);
            if (!edit.ok()) {
                refusedHere.append(problemPreview(fix, *edit.problem, bytes));
                continue;
            }
            if (!combined.fixes.isEmpty() && edit.bytes != bytes) {
                const QStringList widened = FixSafety::widenedBy(inspection, slot.file, edit.bytes);
                if (!widened.isEmpty()) {
                    refusedHere.append(problemPreview(fix,
                        problemIn(slot.file,
                            QStringLiteral("together with %1 it would make the posture more open (%2); it is left out")
                                .arg(combined.fixIds().join(QStringLiteral(", ")), widened.join(QStringLiteral("; ")))),
                        bytes));
                    continue;
                }
            }
            bytes = edit.bytes;
            parsed = edit.tree;
            combined.fixes.append(fix);
        }
        if (!combined.fixes.isEmpty()) {
            combined.fix = combined.fixes.constFirst();
            combined.after = bytes;
            combined.afterParsed = parsed;
            combined.diff = maskedDiff(combined.before, combined.after, slot.file);
            previews.append(combined);
        }
        previews += refusedHere;
    }
    return previews;
}

} // namespace Posture::Core::FixApplier

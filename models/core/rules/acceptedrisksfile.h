// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/finding.h"

#include <QByteArray>

namespace Posture::Core::AcceptedRisksFile {

// The accepted-risks file the window wrote last (remembered in codex-posture's settings), else
// ~/.config/codex-posture/accepted-risks.toml. The window and the command-line reports both count it when no --accept
// names another and this machine itself is inspected (a copied machine's findings are not this machine's).
QString rememberedPath();
void remember(const QString &path);
// The file to count for these options: --accept's, else the remembered one when it exists and no --system-root is
// given; empty when none.
QString toCount(const QString &acceptOption, const QString &systemRoot);

struct Edit
{
    QByteArray bytes; // the file with the change; the original when refused
    QString problem; // why the change was refused; empty when it was made
};

// The accepted-risks file's bytes with an [[accept]] entry for id: added at the end, or put in place of the entry
// that names id already. Every other byte stays as the user wrote it (comments, blank lines, other entries, CRLF, a
// BOM); the result is parsed again and must hold exactly the entries before with this one added or replaced, or the
// edit is refused. A file Codex-posture cannot read as an accepted-risks file is refused with its problem.
Edit withEntry(const QByteArray &original, const QString &path, const QString &id, const Acceptance &acceptance);

// Writes bytes to path atomically (QSaveFile), refusing when the file no longer holds `original` (changed on disk
// since it was read; empty original: the file must not exist). A previous file is kept as
// <path>.codex-posture-<time>, and refusing a path in the copied machine systemRoot (SystemRoot::writeRefusal). Returns
// the error, or empty.
QString write(const QString &path, const QByteArray &original, const QByteArray &bytes, const QString &systemRoot = {});

// Reads path (a missing file is empty), puts the entry for id in it (withEntry) and writes it (write). Returns the
// error, or empty.
QString addEntry(const QString &path, const QString &id, const Acceptance &acceptance, const QString &systemRoot = {});

} // namespace Posture::Core::AcceptedRisksFile

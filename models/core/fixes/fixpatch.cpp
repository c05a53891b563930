// SPDX-License-Identifier: Apache-2.0
#include "core/fixes/fixpatch.h"

#include "core/fixes/unifieddiff.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Posture::Core::FixPatch {

namespace {

// The file's real path: a symlink's target, a file to be created below its real directory.
QString realPath(const QString &file)
{
    const QFileInfo info(file);
    if (info.exists())
        return info.canonicalFilePath();
    const QString directory = QFileInfo(info.absolutePath()).canonicalFilePath();
    return directory.isEmpty() ? info.absoluteFilePath() : directory + u'/' + info.fileName();
}

// A name as git writes it: plain, or C-quoted when it holds a space, a quote, a backslash, a control or a non-ASCII
// byte (git apply and GNU patch both read the quoted form).
QByteArray patchName(const QByteArray &name)
{
    const bool plain = std::all_of(name.cbegin(), name.cend(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte > 0x20 && byte < 0x7f && c != '"' && c != '\\';
    });
    if (plain)
        return name;
    QByteArray quoted = "\"";
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
            quoted += '\\' + QByteArray(1, c);
        else if (c == '\t')
            quoted += "\\t";
        else if (c == '\n')
            quoted += "\\n";
        else if (byte < 0x20 || byte >= 0x7f)
            quoted += '\\' + QByteArray::number(byte, 8).rightJustified(3, '0');
        else
            quoted += c;
    }
    return quoted + '"';
}

} // namespace

Patch make(const QList<FixPreview> &previews, const QString &baseDirectory)
{
    Patch patch;
    const QString base = QFileInfo(baseDirectory).canonicalFilePath();
    QByteArray comment;
    QByteArray body;
    for (const FixPreview &preview : previews) {
        const QString ids = preview.fixIds().join(QStringLiteral(", "));
        if (!preview.changes())
            continue; // a problem, or nothing to change
        const QString file = realPath(preview.fix.file);
        const QString relative = base.isEmpty() ? QString() : QDir(base).relativeFilePath(file);
        if (relative.isEmpty() || QDir::isAbsolutePath(relative) || relative == u".." || relative.startsWith(u"../")) {
            patch.leftOut.append(QStringLiteral("%1 (%2): outside %3, so a copy of it has no such file to patch; "
                                                "apply this fix where the file is (--fix ... --yes)")
                    .arg(file, ids, baseDirectory));
            continue;
        }
        if (patch.files.contains(relative)) {
            patch.leftOut.append(QStringLiteral("%1 (%2): the patch changes this file already; preview the fixes of "
                                                "one file together")
                    .arg(file, ids));
            continue;
        }
        patch.files.append(relative);
        const QByteArray name = relative.toUtf8();
        comment += "# " + patchName(name) + ": " + ids.toUtf8() + '\n';
        body += unifiedPatch(preview.before, preview.after,
            preview.fileExisted ? patchName("a/" + name) : QByteArray("/dev/null"), patchName("b/" + name));
    }
    if (!patch.files.isEmpty())
        patch.text = "# codex-posture guided fixes; apply in a copy of the inspected home with `git apply` or "
                     "`patch -p1`\n"
            + comment + body;
    return patch;
}

QString save(const Patch &patch, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(patch.text) != patch.text.size() || !file.commit())
        return QStringLiteral("could not write the patch %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace Posture::Core::FixPatch

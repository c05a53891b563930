// SPDX-License-Identifier: Apache-2.0
#include "core/rules/acceptedrisksfile.h"

#include "core/common/systemroot.h"
#include "core/common/textlines.h"
#include "core/config/configdocument.h"
#include "core/rules/acceptedrisks.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace Posture::Core::AcceptedRisksFile {

namespace {

// The application's own settings (organisation and name codex-posture in the program; tests set names of their own).
QSettings settings()
{
    return QSettings();
}

} // namespace

QString rememberedPath()
{
    const QString remembered = settings().value(QStringLiteral("acceptFile")).toString();
    if (!remembered.isEmpty())
        return remembered;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/codex-posture/accepted-risks.toml");
}

void remember(const QString &path)
{
    settings().setValue(QStringLiteral("acceptFile"), path);
}

QString toCount(const QString &acceptOption, const QString &systemRoot)
{
    if (!acceptOption.isEmpty() || !systemRoot.isEmpty())
        return acceptOption;
    const QString remembered = rememberedPath();
    return QFileInfo::exists(remembered) ? remembered : QString();
}

namespace {

Edit refused(const QByteArray &original, const QString &problem)
{
    return {original, problem};
}

bool isHeader(const QByteArray &line)
{
    return line.trimmed().startsWith('[');
}

bool isBlankOrComment(const QByteArray &line)
{
    const QByteArray trimmed = line.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith('#');
}

// The entries as the comparison needs them: id, reason, owner, expiry.
QStringList entryKeys(const AcceptedRisks &risks)
{
    QStringList keys;
    for (const AcceptedRisks::Entry &entry : risks.entries())
        keys.append(QStringList{
            entry.id, entry.acceptance.reason, entry.acceptance.owner, entry.acceptance.expires.toString(Qt::ISODate)}
                .join(u'\x1f'));
    return keys;
}

} // namespace

Edit withEntry(const QByteArray &original, const QString &path, const QString &id, const Acceptance &acceptance)
{
    if (id.isEmpty() || acceptance.reason.trimmed().isEmpty() || acceptance.owner.trimmed().isEmpty()
        || !acceptance.expires.isValid())
        return refused(
            original, QStringLiteral("an accepted risk needs a finding id, a reason, an owner and an expiry"));
    Diagnostics problems;
    const AcceptedRisks before = original.trimmed().isEmpty()
        ? AcceptedRisks()
        : AcceptedRisks::fromDocument(ConfigDocument::fromBytes(original, path), problems);
    if (const auto error = std::find_if(problems.cbegin(), problems.cend(),
            [](const Diagnostic &problem) { return problem.severity == DiagnosticSeverity::Error; });
        error != problems.cend())
        return refused(original,
            QStringLiteral("%1, line %2, column %3: %4; fix the file first")
                .arg(path)
                .arg(error->location.line)
                .arg(error->location.column)
                .arg(error->text));

    const QByteArray newline = original.contains("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    QByteArray entry = AcceptedRisks::entryText(id, acceptance).toUtf8();
    entry.replace("\n", newline);
    QList<QByteArray> lines = linesWithEndings(original);
    QStringList expected = entryKeys(before);
    const QString wanted =
        QStringList{id, acceptance.reason, acceptance.owner, acceptance.expires.toString(Qt::ISODate)}.join(u'\x1f');
    const auto existing = std::find_if(before.entries().cbegin(), before.entries().cend(),
        [&id](const AcceptedRisks::Entry &candidate) { return candidate.id == id; });
    if (existing != before.entries().cend()) {
        // In place: from its [[accept]] header to its last key; comments and blank lines before the next header
        // belong to what follows.
        const qsizetype header = existing->location.line - 1;
        if (header < 0 || header >= lines.size() || !isHeader(lines.at(header)))
            return refused(
                original, QStringLiteral("the entry for %1 is not where its [[accept]] header should be").arg(id));
        qsizetype end = header + 1;
        while (end < lines.size() && !isHeader(lines.at(end)))
            ++end;
        while (end > header + 1 && isBlankOrComment(lines.at(end - 1)))
            --end;
        lines.remove(header, end - header);
        lines.insert(header, entry);
        expected[existing - before.entries().cbegin()] = wanted;
    } else {
        // At the end, after a blank line; a last line without its line ending gets one first.
        if (!lines.isEmpty() && !lines.constLast().endsWith('\n'))
            lines.last().append(newline);
        if (!lines.isEmpty() && !lines.constLast().trimmed().isEmpty())
            lines.append(newline);
        lines.append(entry);
        expected.append(wanted);
    }
    QByteArray bytes;
    for (const QByteArray &line : std::as_const(lines))
        bytes += line;

    Diagnostics afterProblems;
    const AcceptedRisks after = AcceptedRisks::fromDocument(ConfigDocument::fromBytes(bytes, path), afterProblems);
    if (!afterProblems.isEmpty() || entryKeys(after) != expected)
        return refused(original,
            QStringLiteral("the change could not be proven (the file read back differs); nothing "
                           "was changed"));
    return {bytes, {}};
}

QString write(const QString &path, const QByteArray &original, const QByteArray &bytes, const QString &systemRoot)
{
    if (const QString refusal = SystemRoot(systemRoot)
            .writeRefusal(path, QStringLiteral("Choose an accepted-risks file outside the copy."));
        !refusal.isEmpty())
        return refusal;
    QFile current(path);
    const bool exists = current.exists();
    const QByteArray now = exists && current.open(QIODevice::ReadOnly) ? current.readAll() : QByteArray();
    current.close();
    if (exists != !original.isEmpty() || now != original)
        return QStringLiteral("%1 changed on disk since it was read; nothing was written").arg(path);
    if (exists) {
        const QString backup = path + QStringLiteral(".codex-posture-")
            + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmsszzz"));
        if (!QFile::copy(path, backup))
            return QStringLiteral("could not keep a backup of %1; nothing was written").arg(path);
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        const QString error = file.errorString();
        file.cancelWriting();
        return error;
    }
    return file.commit() ? QString() : file.errorString();
}

QString addEntry(const QString &path, const QString &id, const Acceptance &acceptance, const QString &systemRoot)
{
    QFile file(path);
    const QByteArray original = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    if (file.exists() && !file.isOpen())
        return QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString());
    file.close();
    const Edit edit = withEntry(original, path, id, acceptance);
    if (!edit.problem.isEmpty())
        return edit.problem;
    return write(path, original, edit.bytes, systemRoot);
}

} // namespace Posture::Core::AcceptedRisksFile

// SPDX-License-Identifier: Apache-2.0
#include "core/config/configbackups.h"

#include "core/common/secrets.h"
#include "core/common/systemroot.h"
#include "core/config/configdocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Posture::Core::ConfigBackups {

namespace {

QSet<QString> secretsOf(const ConfigDocument &document, const QByteArray &bytes)
{
    QSet<QString> secrets;
    if (document.status() == ConfigDocument::Status::Parsed) {
        for (const Secrets::FoundSecret &found : Secrets::findSecrets({}, document.root()))
            secrets.insert(found.text);
    } else {
        for (const QString &secret : Secrets::secretsIn(QString::fromUtf8(bytes))) // a file that did not parse
            secrets.insert(secret);
    }
    return secrets;
}

} // namespace

QSet<QString> secretsIn(const QByteArray &bytes, const std::shared_ptr<const TomlTree> &parsed)
{
    return secretsOf(ConfigDocument::fromBytes(bytes, QStringLiteral("backup"), parsed), bytes);
}

bool keepsRemovedSecret(const QByteArray &backup, const QByteArray &file,
    const std::shared_ptr<const TomlTree> &backupParsed, const std::shared_ptr<const TomlTree> &fileParsed)
{
    return !secretsIn(backup, backupParsed).subtract(secretsIn(file, fileParsed)).isEmpty();
}

QStringList of(const QString &file)
{
    // Backups are written next to the file's target when it is a symlink (FixApplier::apply).
    const QFileInfo info(file);
    const QFileInfo target(info.isSymLink() ? info.canonicalFilePath() : info.absoluteFilePath());
    const QDir directory = target.absoluteDir();
    QStringList backups;
    for (const QString &name : directory.entryList(
             {target.fileName() + QStringLiteral(".codex-posture-*.bak")}, QDir::Files | QDir::Hidden, QDir::Name))
        backups.append(directory.filePath(name));
    return backups; // the time in the name sorts them oldest first
}

QList<Backup> besides(const ConfigLayers &layers)
{
    QList<Backup> backups;
    QStringList seen;
    for (const ConfigLayer &layer : layers) {
        const QString file = layer.document.path();
        if (file.isEmpty() || seen.contains(file))
            continue;
        seen.append(file);
        const QStringList paths = of(file);
        if (paths.isEmpty())
            continue;
        // The file's secrets as the inspection read it (its parse, no second one), once for all its backups.
        const QSet<QString> now = secretsOf(layer.document, layer.document.bytes());
        for (const QString &path : paths) {
            QFile backup(path);
            const QByteArray bytes = backup.open(QIODevice::ReadOnly) ? backup.read(4 << 20) : QByteArray();
            backups.append({path, file, !secretsIn(bytes).subtract(now).isEmpty(),
                bool(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))});
        }
    }
    return backups;
}

Removal remove(const QList<Backup> &backups, const QString &systemRoot)
{
    const SystemRoot copy(systemRoot);
    Removal removal;
    for (const Backup &backup : backups) {
        removal.refusal = copy.writeRefusal(backup.path, QStringLiteral("Remove the backups on the machine itself."));
        if (!removal.refusal.isEmpty())
            return removal;
    }
    for (const Backup &backup : backups) {
        QFile file(backup.path);
        if (!file.remove())
            removal.problems.append(QStringLiteral("could not remove %1: %2").arg(backup.path, file.errorString()));
    }
    return removal;
}

} // namespace Posture::Core::ConfigBackups

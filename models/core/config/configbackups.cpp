// SPDX-License-Identifier: Apache-2.0
#include "core/config/configbackups.h"

#include "core/common/secrets.h"
#include "core/common/systemroot.h"
#include "core/config/configdocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Posture::Core::ConfigBackups {

QSet<QString> secretsIn(const QByteArray &bytes)
{
    QSet<QString> secrets;
    const ConfigDocument document = ConfigDocument::fromBytes(bytes, QStringLiteral("backup"));
    if (document.status() == ConfigDocument::Status::Parsed) {
        for (const Secrets::FoundSecret &found : Secrets::findSecrets({}, document.root()))
            secrets.insert(found.text);
    } else {
        for (const QString &secret : Secrets::secretsIn(QString::fromUtf8(bytes))) // a file that did not parse
            secrets.insert(secret);
    }
    return secrets;
}

bool keepsRemovedSecret(const QByteArray &backup, const QByteArray &file)
{
    return !secretsIn(backup).subtract(secretsIn(file)).isEmpty();
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
        QFile current(file);
        const QByteArray now = current.open(QIODevice::ReadOnly) ? current.read(4 << 20) : QByteArray();
        for (const QString &path : of(file)) {
            QFile backup(path);
            const QByteArray bytes = backup.open(QIODevice::ReadOnly) ? backup.read(4 << 20) : QByteArray();
            backups.append({path, file, keepsRemovedSecret(bytes, now),
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

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/configlayer.h"

#include <QSet>
#include <QStringList>

namespace Posture::Core {

// The backups codex-posture's guided fixes leave next to a configuration file (<file>.codex-posture-<time>.bak): they
// keep the bytes from before the fix, a secret the fix moved out included, until someone removes them.
namespace ConfigBackups {

struct Backup
{
    QString path;
    QString of; // the configuration file it is a backup of
    bool holdsSecret = false; // a credential (Secrets::findSecrets) the configuration file itself no longer holds
    bool readableByOthers = false;
};

// The credentials in these bytes (a configuration file's, as Secrets::findSecrets finds them); `parsed`: a parse of
// exactly these bytes the caller has, so they are not parsed again (a 1 MB config takes ~35 ms).
QSet<QString> secretsIn(const QByteArray &bytes, const std::shared_ptr<const TomlTree> &parsed = {});
// Whether a backup's bytes keep a credential the file's bytes now no longer hold: a secret a fix moved out lives on
// in the backup (one the file still holds is the file's finding, not the backup's).
bool keepsRemovedSecret(const QByteArray &backup, const QByteArray &file,
    const std::shared_ptr<const TomlTree> &backupParsed = {}, const std::shared_ptr<const TomlTree> &fileParsed = {});

// The backups next to every layer file (found or not: a fix may have created the file), oldest first.
QList<Backup> besides(const ConfigLayers &layers);

// The backups of one configuration file.
QStringList of(const QString &file);

struct Removal
{
    QString refusal; // one lies in the copied machine (SystemRoot::writeRefusal): none was removed
    QStringList problems; // a backup that could not be removed, one line each
    QStringList all() const { return refusal.isEmpty() ? problems : QStringList{refusal}; }
};

// Removes the backups, none when one lies in the copied machine systemRoot.
Removal remove(const QList<Backup> &backups, const QString &systemRoot);

} // namespace ConfigBackups

} // namespace Posture::Core

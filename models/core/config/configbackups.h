// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/configlayer.h"

#include <QStringList>

namespace Posture::Core {

// The backups codex-posture's guided fixes leave next to a configuration file (<file>.codex-posture-<time>.bak): they
// keep the bytes from before the fix, a secret the fix moved out included, until someone removes them.
namespace ConfigBackups {

struct Backup
{
    QString path;
    QString of; // the configuration file it is a backup of
    bool holdsSecret = false; // a credential Secrets::findSecrets finds in its bytes
    bool readableByOthers = false;
};

// Whether these bytes (a configuration file's) hold a credential.
bool holdsSecret(const QByteArray &bytes);

// The backups next to every layer file (found or not: a fix may have created the file), oldest first.
QList<Backup> besides(const ConfigLayers &layers);

// The backups of one configuration file.
QStringList of(const QString &file);

} // namespace ConfigBackups

} // namespace Posture::Core

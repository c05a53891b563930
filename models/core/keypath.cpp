// SPDX-License-Identifier: Apache-2.0
#include "keypath.h"

#include <QHash>

namespace Posture::Core {

namespace {

bool isBareKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_' && c != u'-')
            return false;
    }
    return true;
}

} // namespace

QString keyPathToString(const KeyPath &path)
{
    QString result;
    for (const QString &key : path) {
        if (key.startsWith(u'[') && key.endsWith(u']')) {
            result += key;
            continue;
        }
        if (!result.isEmpty())
            result += u'.';
        if (isBareKey(key)) {
            result += key;
        } else {
            QString escaped = key;
            escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
            result += u'"' + escaped + u'"';
        }
    }
    return result;
}

QString arrayElementKey(qsizetype index)
{
    return u'[' + QString::number(index) + u']';
}

size_t childPathHash(size_t parent, const QString &key)
{
    return qHash(key, parent * 1099511628211u + 0x9e3779b97f4a7c15u);
}

size_t keyPathHash(const KeyPath &path)
{
    size_t hash = 0;
    for (const QString &key : path)
        hash = childPathHash(hash, key);
    return hash;
}

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
#include "keypath.h"

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

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
#include "core/common/keypath.h"

#include <QHash>

#include <algorithm>

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

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        QList<int> current(b.size() + 1);
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        previous = current;
    }
    return previous.constLast();
}

} // namespace Posture::Core

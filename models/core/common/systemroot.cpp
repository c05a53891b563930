// SPDX-License-Identifier: Apache-2.0
#include "core/common/systemroot.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Posture::Core {

SystemRoot::SystemRoot(const QString &root)
{
    const QString cleaned = root.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    m_root = cleaned == u"/" ? QString() : cleaned;
}

namespace {

// The path with links resolved as far as it exists (a file about to be created has no canonical path yet, its
// directory has).
QString resolved(const QString &path)
{
    QFileInfo info(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    QString rest;
    while (!info.exists() && info.absoluteFilePath() != u"/") {
        rest = u'/' + info.fileName() + rest;
        info = QFileInfo(info.absolutePath());
    }
    const QString base = info.canonicalFilePath();
    return (base == u"/" ? QString() : base) + rest;
}

} // namespace

bool SystemRoot::holds(const QString &hostPath) const
{
    if (m_root.isEmpty() || hostPath.isEmpty())
        return false;
    const QString root = resolved(m_root);
    const QString path = resolved(hostPath);
    return path == root || path.startsWith(root + u'/');
}

QString SystemRoot::writeRefusal(const QString &hostPath, const QString &instead) const
{
    if (!holds(hostPath))
        return {};
    return QStringLiteral("%1 lies in the copied machine %2: codex-posture never writes to a copied machine (it is "
                          "evidence). Nothing was written.%3")
        .arg(hostPath, m_root, instead.isEmpty() ? QString() : u' ' + instead);
}

QString SystemRoot::patchInstead()
{
    return QStringLiteral("Give its owner the fixes as a patch instead: --fix ... --patch FILE, or Export Patch... in "
                          "the window.");
}

QString SystemRoot::hostPath(const QString &machinePath) const
{
    return m_root + machinePath;
}

QString SystemRoot::machinePath(const QString &hostPath) const
{
    if (m_root.isEmpty())
        return hostPath;
    return hostPath.startsWith(m_root + u'/') ? hostPath.mid(m_root.size()) : hostPath;
}

bool SystemRoot::exists(const QString &machinePath) const
{
    return QFileInfo::exists(hostPath(machinePath));
}

bool SystemRoot::isDirectory(const QString &machinePath) const
{
    return QFileInfo(hostPath(machinePath)).isDir();
}

bool SystemRoot::isExecutableFile(const QString &machinePath) const
{
    const QFileInfo info(hostPath(machinePath));
    return info.isFile() && info.isExecutable();
}

std::optional<QByteArray> SystemRoot::read(const QString &machinePath, qint64 limit) const
{
    QFile file(hostPath(machinePath));
    // Files under /proc and /sys report size 0: read up to the limit instead of trusting size().
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.read(limit);
}

std::optional<QString> SystemRoot::readTrimmed(const QString &machinePath) const
{
    const std::optional<QByteArray> bytes = read(machinePath);
    if (!bytes)
        return std::nullopt;
    return QString::fromUtf8(*bytes).trimmed();
}

std::optional<qint64> SystemRoot::readInteger(const QString &machinePath) const
{
    const std::optional<QString> text = readTrimmed(machinePath);
    bool ok = false;
    const qint64 value = text ? text->toLongLong(&ok) : 0;
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

QStringList SystemRoot::fileNames(const QString &machinePath) const
{
    return QDir(hostPath(machinePath)).entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace Posture::Core

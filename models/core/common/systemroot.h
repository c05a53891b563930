// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Posture::Core {

// The machine's files as the probes read them: below a root prefix, so that a test's fixture tree or a reviewer's
// copy of another machine (--system-root DIR) reads exactly like the live system. Paths are given as on the machine
// ("/proc/sys/user/max_user_namespaces"); nothing here ever writes.
class SystemRoot
{
public:
    explicit SystemRoot(const QString &root = {});

    // True for this machine itself: only then may live probes start programs.
    bool isLive() const { return m_root.isEmpty(); }
    QString root() const { return m_root; }

    // Whether a host path lies in the copied machine (never for this machine itself), links resolved: such a path is
    // a reviewer's evidence, and nothing there is ever written.
    bool holds(const QString &hostPath) const;
    // Why writing to hostPath is refused (it lies in the copied machine), followed by `instead`, what to do instead;
    // empty when it may be written.
    QString writeRefusal(const QString &hostPath, const QString &instead) const;
    // What a refused fix does instead: a patch for the copy's owner.
    static QString patchInstead();

    // The host path of a machine path.
    QString hostPath(const QString &machinePath) const;
    // The machine path of a host path below the root (the inverse of hostPath).
    QString machinePath(const QString &hostPath) const;

    bool exists(const QString &machinePath) const;
    bool isDirectory(const QString &machinePath) const;
    bool isExecutableFile(const QString &machinePath) const;
    // A text file: the kernel's files under /proc and /sys, os-release, ... (at most `limit` bytes are read).
    std::optional<QByteArray> read(const QString &machinePath, qint64 limit = 1 << 20) const;
    std::optional<QString> readTrimmed(const QString &machinePath) const;
    std::optional<qint64> readInteger(const QString &machinePath) const;
    // File names in a directory, sorted; empty when it does not exist.
    QStringList fileNames(const QString &machinePath) const;

private:
    QString m_root; // empty, or an absolute path without a trailing slash
};

} // namespace Posture::Core

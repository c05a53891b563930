// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/systemroot.h"

#include <QList>

namespace Posture::Core {

enum class HostPlatform { Linux, MacOS, Windows };

QString hostPlatformName(HostPlatform platform); // "linux", "macos", "windows"

// The bubblewrap Codex would use on Linux. Codex 0.171.0 takes the first `bwrap` on PATH outside the working
// directory when its --help lists --perms and --as-pid-1 (measured: without either it falls back); otherwise the
// `codex-resources/bwrap` bundled next to its own executable.
struct Bubblewrap
{
    enum class Source { None, Path, Bundled };

    Source source = Source::None;
    QString path; // as on the machine
    QString version; // "0.11.0"; empty when unknown
    QString versionText; // what `bwrap --version` printed, or where the version came from
    QString systemPath; // the first bwrap on PATH, also when Codex would not use it
    QString systemSkipped; // why Codex would not use systemPath ("its --help lacks --perms")
    QStringList bundledPaths; // codex-resources/bwrap next to each codex found
    bool setuid = false; // a setuid-root bwrap needs no unprivileged user namespaces

    QString sourceName() const; // "PATH", "bundled", "none"
    // Codex passes over the PATH bwrap (why): the bundled one is used, or none.
    void passOverSystem(const QString &why);
    // True below 0.9.0 (no --argv0): Codex then takes its compatibility path.
    bool olderThanArgv0() const;
};

// An AppArmor profile that attaches to the bwrap Codex uses.
struct AppArmorProfile
{
    QString name;
    QString attachment; // the path or glob in its header
    QString file; // in /etc/apparmor.d
    std::optional<bool> loaded; // nullopt: the loaded list could not be read (it is root-only)
    bool allowsUserns = false; // `userns,` rule or flags=(unconfined)
};

struct LinuxFacts
{
    enum class Wsl { None, Wsl1, Wsl2 };

    QString osName; // PRETTY_NAME from os-release
    QString osId; // ID: debian, ubuntu, ...
    QString osVersion; // VERSION_ID
    QString kernelRelease;
    std::optional<qint64> maxUserNamespaces; // user.max_user_namespaces
    std::optional<qint64> unprivilegedUsernsClone; // kernel.unprivileged_userns_clone (Debian-patched kernels)
    std::optional<qint64> apparmorRestrictUserns; // kernel.apparmor_restrict_unprivileged_userns (Ubuntu)
    bool apparmorEnabled = false;
    QList<AppArmorProfile> bwrapProfiles;
    bool extraProfileAvailable = false; // /usr/share/apparmor/extra-profiles/bwrap-userns-restrict
    std::optional<int> seccompMode; // "Seccomp:" in /proc/self/status; nullopt: no seccomp in this kernel
    QStringList securityModules; // /sys/kernel/security/lsm
    Wsl wsl = Wsl::None;
    QString container; // "docker", "podman", "lxc", "kubernetes", ...; empty outside a container
    QString containerEvidence;
};

// Everything the probes read from the machine's files, before any program runs.
struct HostFacts
{
    HostPlatform platform = HostPlatform::Linux;
    QString root; // --system-root; empty for this machine
    QString codexPath; // the codex whose sandbox is judged: the first one found
    LinuxFacts linuxFacts;
    Bubblewrap bwrap;
    bool sandboxExec = false; // macOS: /usr/bin/sandbox-exec (Codex's hard-coded Seatbelt path)

    // searchPath: PATH as on the machine; cwd: where Codex starts; codexPaths: host paths of the codex binaries found.
    static HostFacts gather(
        const SystemRoot &root, const QStringList &searchPath, const QString &cwd, const QStringList &codexPaths);
};

// A bwrap --version or --help answer applied to the choice (live probes only).
int compareVersions(const QString &left, const QString &right);

} // namespace Posture::Core

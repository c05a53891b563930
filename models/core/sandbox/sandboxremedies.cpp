// SPDX-License-Identifier: Apache-2.0
#include "core/sandbox/sandboxremedies.h"

namespace Posture::Core::SandboxRemedies {

namespace {

QString packageInstall(const LinuxFacts &facts, const QString &package)
{
    if (facts.osId == u"fedora" || facts.osId == u"rhel" || facts.osId == u"centos")
        return QStringLiteral("sudo dnf install %1").arg(package);
    if (facts.osId == u"arch")
        return QStringLiteral("sudo pacman -S %1").arg(package);
    return QStringLiteral("sudo apt install %1").arg(package);
}

QString persistentSysctl(const QString &key, const QString &value)
{
    return QStringLiteral("sudo sysctl -w %1=%2\n"
                          "echo '%1 = %2' | sudo tee /etc/sysctl.d/60-codex-sandbox.conf")
        .arg(key, value);
}

} // namespace

Remedy installBubblewrap(const LinuxFacts &facts)
{
    return {QStringLiteral("install-bubblewrap"),
        QStringLiteral("Install the distribution's bubblewrap: Codex prefers a bwrap on PATH to its bundled copy, and "
                       "a packaged /usr/bin/bwrap keeps one stable path that AppArmor profiles and updates cover."),
        packageInstall(facts, QStringLiteral("bubblewrap"))};
}

Remedy loadAppArmorProfile(const AppArmorProfile &profile)
{
    return {QStringLiteral("load-bwrap-apparmor-profile"),
        QStringLiteral("The AppArmor profile `%1` in %2 lets %3 create user namespaces but is not loaded. Load it "
                       "(only bwrap gains the permission):")
            .arg(profile.name, profile.file, profile.attachment),
        QStringLiteral("sudo apparmor_parser -r %1").arg(profile.file)};
}

Remedy installAppArmorProfile(const LinuxFacts &facts)
{
    const QString extra = QStringLiteral("/usr/share/apparmor/extra-profiles/bwrap-userns-restrict");
    QString commands =
        facts.extraProfileAvailable ? QString() : packageInstall(facts, QStringLiteral("apparmor-profiles")) + u'\n';
    commands += QStringLiteral("sudo install -m 644 %1 /etc/apparmor.d/\n"
                               "sudo apparmor_parser -r /etc/apparmor.d/bwrap-userns-restrict")
                    .arg(extra);
    return {QStringLiteral("install-bwrap-apparmor-profile"),
        QStringLiteral("Install and load the distribution's bwrap-userns-restrict AppArmor profile: it lets "
                       "/usr/bin/bwrap (and only it) create user namespaces, and takes capabilities away from what "
                       "runs inside. Do not add a second profile for the same path if another program already "
                       "installed one (openai/codex#38715)."),
        commands};
}

Remedy removeConflictingProfiles(const QList<AppArmorProfile> &profiles)
{
    QStringList files;
    QString commands;
    for (const AppArmorProfile &profile : profiles) {
        files.append(profile.file);
        if (!profile.file.endsWith(QStringLiteral("/bwrap-userns-restrict")))
            commands += QStringLiteral("sudo apparmor_parser -R %1 && sudo rm %1\n").arg(profile.file);
    }
    return {QStringLiteral("remove-conflicting-apparmor-profiles"),
        QStringLiteral("%1 AppArmor profiles attach to %2 (%3). AppArmor refuses conflicting attachments, so bwrap "
                       "runs unconfined and the user-namespace restriction stops it (openai/codex#38715). Keep the "
                       "distribution's bwrap-userns-restrict and remove the others:")
            .arg(profiles.size())
            .arg(profiles.constFirst().attachment, files.join(QStringLiteral(", "))),
        commands.trimmed()};
}

Remedy disableAppArmorRestriction()
{
    return {QStringLiteral("disable-apparmor-userns-restriction"),
        QStringLiteral("Last resort: turn the AppArmor user-namespace restriction off for the whole machine. Every "
                       "program may then create user namespaces again, which this Ubuntu hardening exists to stop."),
        persistentSysctl(QStringLiteral("kernel.apparmor_restrict_unprivileged_userns"), QStringLiteral("0"))};
}

Remedy enableUserNamespaces()
{
    return {QStringLiteral("enable-user-namespaces"),
        QStringLiteral("Allow user namespaces again (user.max_user_namespaces is 0, so no program, bwrap included, "
                       "can create one). This widens what every local user can do; check why it was set to 0 first."),
        persistentSysctl(QStringLiteral("user.max_user_namespaces"), QStringLiteral("15000"))};
}

Remedy enableUnprivilegedUsernsClone()
{
    return {QStringLiteral("enable-unprivileged-userns-clone"),
        QStringLiteral("Allow unprivileged user namespaces (kernel.unprivileged_userns_clone is 0). This widens what "
                       "every local user can do."),
        persistentSysctl(QStringLiteral("kernel.unprivileged_userns_clone"), QStringLiteral("1"))};
}

Remedy containerUserNamespaces(const LinuxFacts &facts)
{
    return {QStringLiteral("container-user-namespaces"),
        QStringLiteral("Codex runs inside a %1 container that does not allow user namespaces. Start the container "
                       "with a seccomp profile that permits them (Docker's default profile blocks unshare), or, only "
                       "if the container itself is the isolation boundary you trust, run Codex there with "
                       "danger-full-access as Codex documents.")
            .arg(facts.container.isEmpty() ? QStringLiteral("container") : facts.container),
        {}};
}

Remedy convertToWsl2()
{
    return {QStringLiteral("convert-to-wsl2"),
        QStringLiteral("WSL 1 cannot create user namespaces and Codex refuses sandboxed commands there. Convert this "
                       "distribution to WSL 2 (in Windows PowerShell; the first command lists the names):"),
        QStringLiteral("wsl -l -v\nwsl --set-version <distribution> 2")};
}

Remedy removeLegacyLandlock(const QString &file)
{
    return {QStringLiteral("remove-legacy-landlock"),
        QStringLiteral("Remove `use_legacy_landlock = true` from [features]%1: Codex 0.171.0 refuses to run "
                       "filesystem-restricted commands without bubblewrap.")
            .arg(file.isEmpty() ? QString() : QStringLiteral(" in ") + file),
        {}};
}

Remedy restoreSandboxExec()
{
    return {QStringLiteral("restore-sandbox-exec"),
        QStringLiteral("/usr/bin/sandbox-exec is missing; Codex runs Seatbelt only through that path. It is part of "
                       "macOS: restore the system (or reinstall macOS) rather than placing a copy there."),
        {}};
}

Remedy useElevatedWindowsSandbox()
{
    return {QStringLiteral("use-elevated-windows-sandbox"),
        QStringLiteral("Use the elevated Windows sandbox: set sandbox = \"elevated\" in [windows] and accept the "
                       "one-time administrator setup. It runs commands as dedicated sandbox users with firewall "
                       "rules, which the unelevated sandbox cannot."),
        {}};
}

} // namespace Posture::Core::SandboxRemedies

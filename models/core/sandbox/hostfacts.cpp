// SPDX-License-Identifier: Apache-2.0
#include "core/sandbox/hostfacts.h"

#include "core/config/codexlocations.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace Posture::Core {

QString hostPlatformName(HostPlatform platform)
{
    switch (platform) {
    case HostPlatform::Linux:
        return QStringLiteral("linux");
    case HostPlatform::MacOS:
        return QStringLiteral("macos");
    case HostPlatform::Windows:
        return QStringLiteral("windows");
    }
    Q_UNREACHABLE_RETURN(QString());
}

QString Bubblewrap::sourceName() const
{
    switch (source) {
    case Source::None:
        return QStringLiteral("none");
    case Source::Path:
        return QStringLiteral("PATH");
    case Source::Bundled:
        return QStringLiteral("bundled");
    }
    Q_UNREACHABLE_RETURN(QString());
}

void Bubblewrap::passOverSystem(const QString &why)
{
    systemSkipped = why;
    source = bundledPaths.isEmpty() ? Source::None : Source::Bundled;
    path = bundledPaths.isEmpty() ? QString() : bundledPaths.constFirst();
    version.clear();
    versionText.clear();
}

bool Bubblewrap::olderThanArgv0() const
{
    return !version.isEmpty() && compareVersions(version, QStringLiteral("0.9.0")) < 0;
}

int compareVersions(const QString &left, const QString &right)
{
    // Numeric parts only: "0.8.0-2+deb12u1" compares as 0.8.0.
    static const QRegularExpression numbers(QStringLiteral("^(\\d+(?:\\.\\d+)*)"));
    const QStringList a = numbers.match(left).captured(1).split(u'.', Qt::SkipEmptyParts);
    const QStringList b = numbers.match(right).captured(1).split(u'.', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const int x = i < a.size() ? a.at(i).toInt() : 0;
        const int y = i < b.size() ? b.at(i).toInt() : 0;
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

namespace {

// One KEY=value line of os-release (values may be quoted).
QString keyValue(const QString &text, const QString &key)
{
    for (QStringView line : QStringView(text).split(u'\n')) {
        if (line.size() > key.size() && line.startsWith(key) && line.at(key.size()) == u'=') {
            QStringView value = line.mid(key.size() + 1).trimmed();
            if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
                value = value.mid(1, value.size() - 2);
            return value.toString();
        }
    }
    return {};
}

// The installed version of a Debian package, from dpkg's status file (readable from a copied machine too).
QString dpkgVersion(const SystemRoot &root, const QString &package)
{
    // A desktop's status file has megabytes: all of it is read, but only the package's own paragraphs are decoded.
    const std::optional<QByteArray> status = root.read(QStringLiteral("/var/lib/dpkg/status"), qint64(256) << 20);
    if (!status)
        return {};
    const QByteArray header = "Package: " + package.toUtf8() + '\n';
    const QByteArray headerLine = QByteArray(1, '\n') + header; // a header anywhere but at the very start
    static const QRegularExpression installed(
        QStringLiteral("^Status: .* installed$"), QRegularExpression::MultilineOption);
    static const QRegularExpression version(QStringLiteral("^Version: (\\S+)$"), QRegularExpression::MultilineOption);
    for (qsizetype at = status->startsWith(header) ? 0 : status->indexOf(headerLine); at >= 0;
        at = status->indexOf(headerLine, at + 1)) {
        const qsizetype begin = status->at(at) == '\n' ? at + 1 : at;
        const qsizetype end = status->indexOf("\n\n", begin);
        const QString paragraph = QString::fromUtf8(status->mid(begin, end < 0 ? -1 : end - begin));
        if (installed.match(paragraph).hasMatch())
            return version.match(paragraph).captured(1);
    }
    return {};
}

bool isSetuid(const QString &hostPath)
{
#ifdef Q_OS_UNIX
    struct stat info = {};
    return ::stat(QFile::encodeName(hostPath).constData(), &info) == 0 && (info.st_mode & S_ISUID) && info.st_uid == 0;
#else
    Q_UNUSED(hostPath);
    return false;
#endif
}

// Where Codex looks for its bundled bubblewrap: codex-resources/bwrap beside its native executable. For the npm
// package's JavaScript launcher, the native executable lives in the platform package's vendor folder.
QStringList bundledCandidates(const QString &codexHostPath)
{
    const QFileInfo info(codexHostPath);
    const QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty())
        return {};
    const QString directory = QFileInfo(canonical).absolutePath();
    QStringList candidates{QDir::cleanPath(directory + QStringLiteral("/../codex-resources/bwrap")),
        directory + QStringLiteral("/codex-resources/bwrap")};
    if (canonical.endsWith(QStringLiteral(".js"))) {
        const QString package = QDir::cleanPath(directory + QStringLiteral("/.."));
        const QStringList scopes{package + QStringLiteral("/node_modules/@openai"), package + QStringLiteral("/..")};
        for (const QString &scope : scopes) {
            const QDir scopeDir(scope);
            for (const QString &platformPackage :
                scopeDir.entryList({QStringLiteral("codex-*")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
                const QDir vendor(scope + u'/' + platformPackage + QStringLiteral("/vendor"));
                for (const QString &triple : vendor.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
                    candidates.append(vendor.filePath(triple) + QStringLiteral("/codex-resources/bwrap"));
            }
        }
    }
    return candidates;
}

void chooseBubblewrap(HostFacts &facts, const SystemRoot &root, const QStringList &searchPath, const QString &cwd,
    const QStringList &codexPaths)
{
    Bubblewrap &bwrap = facts.bwrap;
    for (const QString &directory : searchPath) {
        // Codex skips relative entries and entries inside the working directory: a repository cannot plant a bwrap.
        if (QDir::isRelativePath(directory) || isPathInside(QDir::cleanPath(directory), cwd))
            continue;
        const QString candidate = QDir::cleanPath(directory + QStringLiteral("/bwrap"));
        if (root.isExecutableFile(candidate)) {
            bwrap.systemPath = candidate;
            break;
        }
    }
    for (const QString &codex : codexPaths) {
        for (const QString &candidate : bundledCandidates(codex)) {
            const QFileInfo info(candidate);
            const QString machinePath = root.machinePath(info.absoluteFilePath());
            if (info.isFile() && info.isExecutable() && !bwrap.bundledPaths.contains(machinePath))
                bwrap.bundledPaths.append(machinePath);
        }
    }
    if (!bwrap.systemPath.isEmpty()) {
        bwrap.source = Bubblewrap::Source::Path;
        bwrap.path = bwrap.systemPath;
        const QString packaged = dpkgVersion(root, QStringLiteral("bubblewrap"));
        if (!packaged.isEmpty() && bwrap.path == u"/usr/bin/bwrap") {
            bwrap.version = packaged.section(u'-', 0, 0).section(u'~', 0, 0).section(u'+', 0, 0);
            bwrap.versionText = QStringLiteral("package bubblewrap %1").arg(packaged);
        }
    } else if (!bwrap.bundledPaths.isEmpty()) {
        bwrap.source = Bubblewrap::Source::Bundled;
        bwrap.path = bwrap.bundledPaths.constFirst();
    }
    // Codex 0.171.0 needs --perms and --as-pid-1 (bubblewrap 0.5.0 and later); an older system bwrap is passed over.
    if (bwrap.source == Bubblewrap::Source::Path && !bwrap.version.isEmpty()
        && compareVersions(bwrap.version, QStringLiteral("0.5.0")) < 0) {
        bwrap.passOverSystem(QStringLiteral("bubblewrap %1 lacks --perms (0.5.0 and later)").arg(bwrap.version));
    }
    if (!bwrap.path.isEmpty())
        bwrap.setuid = isSetuid(root.hostPath(bwrap.path));
}

// AppArmor's globs in a profile's attachment: ** crosses '/', * and ? do not, {a,b} alternates.
bool attachmentMatches(const QString &attachment, const QString &path)
{
    QString pattern;
    for (qsizetype i = 0; i < attachment.size(); ++i) {
        const QChar c = attachment.at(i);
        if (c == u'*' && i + 1 < attachment.size() && attachment.at(i + 1) == u'*') {
            pattern += QStringLiteral(".*");
            ++i;
        } else if (c == u'*') {
            pattern += QStringLiteral("[^/]*");
        } else if (c == u'?') {
            pattern += QStringLiteral("[^/]");
        } else if (c == u'{') {
            pattern += u'(';
        } else if (c == u'}') {
            pattern += u')';
        } else if (c == u',') {
            pattern += u'|';
        } else {
            pattern += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(path).hasMatch();
}

void readAppArmor(LinuxFacts &facts, const SystemRoot &root, const QString &bwrapPath)
{
    const std::optional<QString> enabled = root.readTrimmed(QStringLiteral("/sys/module/apparmor/parameters/enabled"));
    const std::optional<QByteArray> loadedList = root.read(QStringLiteral("/sys/kernel/security/apparmor/profiles"));
    facts.apparmorEnabled = (enabled && enabled->startsWith(u'Y')) || facts.securityModules.contains(u"apparmor")
        || root.exists(QStringLiteral("/sys/kernel/security/apparmor"));
    facts.extraProfileAvailable =
        root.exists(QStringLiteral("/usr/share/apparmor/extra-profiles/bwrap-userns-restrict"));
    QStringList loaded;
    if (loadedList) {
        // One profile per line: "name (mode)".
        for (const QString &line : QString::fromUtf8(*loadedList).split(u'\n', Qt::SkipEmptyParts))
            loaded.append(line.section(QStringLiteral(" ("), 0, 0).trimmed());
    }
    if (bwrapPath.isEmpty())
        return;
    // A profile header: `profile NAME ATTACHMENT flags=(...) {` or `ATTACHMENT flags=(...) {` (the name is the path).
    static const QRegularExpression header(
        QStringLiteral("^\\s*(?:profile\\s+(\\S+)\\s+)?(/\\S+)\\s*(flags\\s*=\\s*\\(([^)]*)\\))?\\s*\\{"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression usernsRule(
        QStringLiteral("^\\s*(allow\\s+)?userns\\s*,"), QRegularExpression::MultilineOption);
    for (const QString &name : root.fileNames(QStringLiteral("/etc/apparmor.d"))) {
        const QString file = QStringLiteral("/etc/apparmor.d/") + name;
        const std::optional<QByteArray> bytes = root.read(file);
        if (!bytes)
            continue;
        const QString text = QString::fromUtf8(*bytes);
        QRegularExpressionMatchIterator matches = header.globalMatch(text);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            const QString attachment = match.captured(2);
            if (!attachmentMatches(attachment, bwrapPath))
                continue;
            AppArmorProfile profile;
            profile.attachment = attachment;
            profile.name = match.captured(1).isEmpty() ? attachment : match.captured(1);
            profile.file = file;
            if (loadedList)
                profile.loaded = loaded.contains(profile.name);
            profile.allowsUserns =
                usernsRule.match(text).hasMatch() || match.captured(4).contains(QStringLiteral("unconfined"));
            facts.bwrapProfiles.append(profile);
        }
    }
}

void readContainer(LinuxFacts &facts, const SystemRoot &root)
{
    if (root.exists(QStringLiteral("/.dockerenv"))) {
        facts.container = QStringLiteral("docker");
        facts.containerEvidence = QStringLiteral("/.dockerenv exists");
        return;
    }
    if (root.exists(QStringLiteral("/run/.containerenv"))) {
        facts.container = QStringLiteral("podman");
        facts.containerEvidence = QStringLiteral("/run/.containerenv exists");
        return;
    }
    if (const std::optional<QByteArray> environ = root.read(QStringLiteral("/proc/1/environ"))) {
        for (const QByteArray &entry : environ->split('\0')) {
            if (entry.startsWith("container=")) {
                facts.container = QString::fromUtf8(entry.mid(10));
                facts.containerEvidence = QStringLiteral("process 1 has container=%1").arg(facts.container);
                return;
            }
        }
    }
    static const QRegularExpression runtime(QStringLiteral("(docker|kubepods|containerd|lxc|libpod)"));
    if (const std::optional<QString> cgroup = root.readTrimmed(QStringLiteral("/proc/1/cgroup"))) {
        const QRegularExpressionMatch match = runtime.match(*cgroup);
        if (match.hasMatch()) {
            facts.container = match.captured(1) == u"kubepods" ? QStringLiteral("kubernetes") : match.captured(1);
            facts.containerEvidence = QStringLiteral("/proc/1/cgroup names %1").arg(match.captured(1));
        }
    }
}

void readLinux(HostFacts &facts, const SystemRoot &root)
{
    LinuxFacts &linuxFacts = facts.linuxFacts;
    const QString osRelease = QString::fromUtf8(root.read(QStringLiteral("/etc/os-release"))
            .value_or(root.read(QStringLiteral("/usr/lib/os-release")).value_or(QByteArray())));
    linuxFacts.osName = keyValue(osRelease, QStringLiteral("PRETTY_NAME"));
    linuxFacts.osId = keyValue(osRelease, QStringLiteral("ID"));
    linuxFacts.osVersion = keyValue(osRelease, QStringLiteral("VERSION_ID"));
    linuxFacts.kernelRelease = root.readTrimmed(QStringLiteral("/proc/sys/kernel/osrelease")).value_or(QString());
    linuxFacts.maxUserNamespaces = root.readInteger(QStringLiteral("/proc/sys/user/max_user_namespaces"));
    linuxFacts.unprivilegedUsernsClone = root.readInteger(QStringLiteral("/proc/sys/kernel/unprivileged_userns_clone"));
    linuxFacts.apparmorRestrictUserns =
        root.readInteger(QStringLiteral("/proc/sys/kernel/apparmor_restrict_unprivileged_userns"));
    linuxFacts.securityModules = root.readTrimmed(QStringLiteral("/sys/kernel/security/lsm"))
                                     .value_or(QString())
                                     .split(u',', Qt::SkipEmptyParts);
    static const QRegularExpression seccomp(QStringLiteral("^Seccomp:\\s*(\\d+)"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch mode =
        seccomp.match(QString::fromUtf8(root.read(QStringLiteral("/proc/self/status")).value_or(QByteArray())));
    if (mode.hasMatch())
        linuxFacts.seccompMode = mode.captured(1).toInt();
    if (linuxFacts.kernelRelease.contains(QStringLiteral("microsoft"), Qt::CaseInsensitive)) {
        const bool wsl2 = linuxFacts.kernelRelease.contains(QStringLiteral("WSL2"), Qt::CaseInsensitive)
            || linuxFacts.kernelRelease.contains(QStringLiteral("microsoft-standard"), Qt::CaseInsensitive);
        linuxFacts.wsl = wsl2 ? LinuxFacts::Wsl::Wsl2 : LinuxFacts::Wsl::Wsl1;
    }
    readContainer(linuxFacts, root);
    readAppArmor(linuxFacts, root, facts.bwrap.path);
}

HostPlatform detectPlatform(const SystemRoot &root)
{
    if (root.isLive()) {
#if defined(Q_OS_MACOS)
        return HostPlatform::MacOS;
#elif defined(Q_OS_WIN)
        return HostPlatform::Windows;
#else
        return HostPlatform::Linux;
#endif
    }
    // A copied machine: its files say what it is.
    if (root.exists(QStringLiteral("/System/Library/CoreServices/SystemVersion.plist")))
        return HostPlatform::MacOS;
    if (root.isDirectory(QStringLiteral("/Windows/System32")))
        return HostPlatform::Windows;
    return HostPlatform::Linux;
}

} // namespace

HostFacts HostFacts::gather(
    const SystemRoot &root, const QStringList &searchPath, const QString &cwd, const QStringList &codexPaths)
{
    HostFacts facts;
    facts.root = root.root();
    facts.platform = detectPlatform(root);
    if (!codexPaths.isEmpty())
        facts.codexPath = root.machinePath(codexPaths.constFirst());
    switch (facts.platform) {
    case HostPlatform::Linux:
        chooseBubblewrap(facts, root, searchPath, cwd, codexPaths);
        readLinux(facts, root);
        break;
    case HostPlatform::MacOS:
        facts.sandboxExec = root.isExecutableFile(QStringLiteral("/usr/bin/sandbox-exec"));
        break;
    case HostPlatform::Windows:
        break; // judged from the configuration ([windows] sandbox)
    }
    return facts;
}

} // namespace Posture::Core

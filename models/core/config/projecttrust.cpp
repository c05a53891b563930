// SPDX-License-Identifier: Apache-2.0
#include "core/config/projecttrust.h"

#include "core/config/codexlocations.h"

#include <QDir>
#include <QFileInfo>

namespace Posture::Core {

namespace {

// Codex counts a .git marker only where a git checkout is: a .git file (a worktree's pointer) or a .git folder with
// a HEAD. An empty .git folder marks nothing (seen with the real CLI).
bool hasMarker(const QDir &dir, const QString &marker)
{
    const QFileInfo info(dir.filePath(marker));
    if (marker == u".git")
        return info.isFile() || (info.isDir() && QFileInfo::exists(info.filePath() + QStringLiteral("/HEAD")));
    return !marker.isEmpty() && info.exists();
}

QString findUp(const QString &start, const QStringList &markers)
{
    QDir dir(start);
    while (true) {
        for (const QString &marker : markers) {
            if (hasMarker(dir, marker))
                return dir.absolutePath();
        }
        if (!dir.cdUp())
            return {};
    }
}

} // namespace

QString ProjectTrust::levelName(Level level)
{
    switch (level) {
    case Level::Unknown:
        return QStringLiteral("unknown");
    case Level::Trusted:
        return QStringLiteral("trusted");
    case Level::Untrusted:
        return QStringLiteral("untrusted");
    }
    Q_UNREACHABLE_RETURN(QString());
}

QStringList ProjectTrust::projectDirectories() const
{
    QStringList directories;
    QDir dir(cwd);
    while (true) {
        directories.prepend(dir.absolutePath());
        if (dir.absolutePath() == projectRoot || !dir.cdUp())
            break;
    }
    return directories.constFirst() == projectRoot ? directories : QStringList{cwd};
}

ProjectTrust::Decision ProjectTrust::decisionFor(const QString &directory) const
{
    for (const QString &candidate : {canonicalPath(directory), projectRoot, gitRoot}) {
        const auto it = m_entries.constFind(candidate);
        if (!candidate.isEmpty() && it != m_entries.cend())
            return *it;
    }
    return {};
}

ProjectTrust ProjectTrust::resolve(const QString &cwdIn, const EffectiveConfig &config)
{
    ProjectTrust trust;
    trust.cwd = canonicalPath(cwdIn);
    QStringList markers{QStringLiteral(".git")};
    const QVariant configured = config.value({QStringLiteral("project_root_markers")});
    if (configured.typeId() == QMetaType::QVariantList)
        markers = configured.toStringList();
    trust.projectRoot = findUp(trust.cwd, markers);
    if (trust.projectRoot.isEmpty())
        trust.projectRoot = trust.cwd;
    trust.gitRoot = findUp(trust.cwd, {QStringLiteral(".git")});

    const QVariantMap projects = config.value({QStringLiteral("projects")}).toMap();
    for (auto it = projects.cbegin(); it != projects.cend(); ++it) {
        const QString level = it.value().toMap().value(QStringLiteral("trust_level")).toString();
        if (level != u"trusted" && level != u"untrusted")
            continue;
        trust.m_entries.insert(canonicalPath(it.key()),
            Decision{level == u"trusted" ? Level::Trusted : Level::Untrusted, it.key(),
                config.provenance({QStringLiteral("projects"), it.key(), QStringLiteral("trust_level")})});
    }
    trust.decision = trust.decisionFor(trust.cwd);
    trust.level = trust.decision.level;
    return trust;
}

} // namespace Posture::Core

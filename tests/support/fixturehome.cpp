// SPDX-License-Identifier: Apache-2.0
#include "fixturehome.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>

namespace Posture::Tests {

namespace {

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

FixtureHome::FixtureHome(const QString &caseDirectory)
{
    m_case = readJson(caseDirectory + QStringLiteral("/case.json"));
    m_expected = readJson(caseDirectory + QStringLiteral("/expected.json"));
    if (!m_dir.isValid() || m_case.isEmpty()) // expected.json may be missing: the recorder is about to write it
        return;
    const QString target = m_dir.path();
    QDirIterator it(
        caseDirectory, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString relative = QDir(caseDirectory).relativeFilePath(source);
        if (it.fileInfo().isSymLink()) { // kept a link: never copy what it points to
            QDir().mkpath(QFileInfo(target + u'/' + relative).absolutePath());
            QFile::link(it.fileInfo().symLinkTarget(), target + u'/' + relative);
            continue;
        }
        if (it.fileInfo().isDir()) {
            QDir().mkpath(target + u'/' + relative);
            continue;
        }
        QFile in(source);
        QFile out(target + u'/' + relative);
        if (!in.open(QIODevice::ReadOnly) || !QDir().mkpath(QFileInfo(out).absolutePath())
            || !out.open(QIODevice::WriteOnly))
            return;
        QByteArray bytes = in.readAll();
        bytes.replace("@HOME@", QFile::encodeName(target + QStringLiteral("/home")));
        bytes.replace("@PROJECT@", QFile::encodeName(target + QStringLiteral("/project")));
        out.write(bytes);
    }
    if (QFileInfo::exists(target + QStringLiteral("/project")))
        QDir().mkpath(target + QStringLiteral("/project/.git"));
    QDir().mkpath(target + QStringLiteral("/workdir"));
    m_valid = true;
}

QString FixtureHome::cwd() const
{
    return m_case.value(u"cwd").toString() == u"project" ? m_dir.filePath(QStringLiteral("project"))
                                                         : m_dir.filePath(QStringLiteral("workdir"));
}

Core::InspectOptions FixtureHome::options(bool withProfile) const
{
    return Core::InspectOptions{
        .codexHome = codexHome(),
        .home = home(),
        .cwd = cwd(),
        .profile = withProfile ? profile() : QString(),
        // An empty system root directory: the machine's own /etc/codex must not leak into the case.
        .systemRoot = m_dir.filePath(QStringLiteral("system-root")),
    };
}

namespace {

const QString OwnCases = QStringLiteral(POSTURE_TEST_DATA_DIR "/fixtures/homes");
const QString SharedCases = QStringLiteral(POSTURE_SHARED_DIR "/fixtures/homes");

QStringList casesIn(const QString &directory)
{
    const QDir homes(directory);
    QStringList directories;
    for (const QString &name : homes.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        directories.append(homes.filePath(name));
    return directories;
}

} // namespace

QString FixtureHome::caseDirectory(const QString &name)
{
    return OwnCases + u'/' + name;
}

QStringList FixtureHome::ownCaseDirectories()
{
    return casesIn(OwnCases);
}

QStringList FixtureHome::sharedCaseDirectories()
{
    return casesIn(SharedCases);
}

QStringList FixtureHome::caseDirectories()
{
    return ownCaseDirectories() + sharedCaseDirectories();
}

QString FixtureHome::label(const QString &caseDirectory)
{
    const QString name = caseDirectory.section(u'/', -1);
    return caseDirectory.startsWith(SharedCases) ? QStringLiteral("shared/") + name : name;
}

QString oracleApprovalName(const QString &approval)
{
    return approval == u"unless-trusted" ? QStringLiteral("UnlessTrusted") : approval;
}

} // namespace Posture::Tests

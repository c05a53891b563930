// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QJsonObject>
#include <QTemporaryDir>

namespace Posture::Tests {

// A fixture case (tests/data/fixtures/homes/<case>, or the team's ../shared/fixtures/homes/<case> for the cross-check)
// copied to a temporary directory, with @HOME@ and @PROJECT@ replaced by the copy's absolute paths (trust entries need
// them) and empty .git folders recreated.
class FixtureHome
{
public:
    explicit FixtureHome(const QString &caseDirectory);

    bool isValid() const { return m_valid; }
    QString name() const { return m_case.value(u"name").toString(); }
    QString profile() const { return m_case.value(u"profile").toString(); }
    QJsonObject expected() const { return m_expected; }
    QString home() const { return m_dir.filePath(QStringLiteral("home")); }
    QString codexHome() const { return home() + QStringLiteral("/.codex"); }
    // Where Codex is started: the project, or an empty untrusted directory.
    QString cwd() const;

    // The options that inspect this case, with or without its profile.
    Core::InspectOptions options(bool withProfile) const;

    // The project's own case of this name (tests/data/fixtures/homes/<name>).
    static QString caseDirectory(const QString &name);
    // Every case of the project's own (always there), then every case of ../shared when it is beside the repository.
    static QStringList caseDirectories();
    static QStringList ownCaseDirectories();
    static QStringList sharedCaseDirectories(); // empty without ../shared
    // "yolo" for an own case, "shared/yolo" for one of ../shared.
    static QString label(const QString &caseDirectory);

private:
    QTemporaryDir m_dir;
    QJsonObject m_case;
    QJsonObject m_expected;
    bool m_valid = false;
};

// The names the oracle uses for an approval policy, from ours: "UnlessTrusted" for "unless-trusted".
QString oracleApprovalName(const QString &approval);

} // namespace Posture::Tests

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/codexacceptance.h"
#include "core/config/configschema.h"

#include <QStringList>

#include <deque>
#include <map>

namespace Posture::Core {

// which release's checks judge a surface's configuration, and why.
struct JudgingRelease
{
    enum class Fit {
        Asked, // --codex-version named a recorded release
        Exact, // the codex this surface runs is a recorded release
        Between, // not recorded, between two that are: the newest recorded one before it
        NewerThanKnown, // newer than every recorded release: the newest one's rules, perhaps out of date
        OlderThanKnown, // older than every recorded release: the oldest one's rules
        NotKnown, // no version known (none found, or not asked): the newest release's checks
    };
    QString release; // the recorded release whose checks judge
    QString installed; // the version the codex binary reported (or --codex-version asked for); empty when unknown
    QString source; // where that binary is: "PATH /usr/bin/codex", "VS Code extension ...", "--codex-version"
    Fit fit = Fit::NotKnown;

    // One line for reports: "0.171.0 (codex 0.171.0, PATH /usr/local/bin/codex)".
    QString describe() const;
    QString fitName() const; // asked | exact | between | newer-than-known | older-than-known | not-known
};

// The Codex releases whose checks codex-posture knows: the acceptance table recorded from the newest
// (schema/acceptance.json) and, for each other release, the answers it gives differently (schema/versions.json), both
// recorded from the pinned CLIs by scripts/record-acceptance and scripts/record-versions. Format:
// schema/VERSIONS.md.
class CodexReleases
{
public:
    // The releases compiled into the engine.
    static const CodexReleases &known();

    // `versions`: schema/versions.json; `newest`: the table recorded from its newest release.
    CodexReleases(const QJsonObject &versions, const CodexAcceptance &newest, const ConfigSchema &schema);

    QStringList versions() const; // ascending
    QString newest() const { return m_versions.constLast(); }
    QString oldest() const { return m_versions.constFirst(); }
    bool isKnown(const QString &version) const { return m_versions.contains(version); }

    // A recorded release's table and the schema checked with it; the newest's for a version not recorded.
    const CodexAcceptance &acceptance(const QString &version) const;
    const ConfigSchema &schema(const QString &version) const;
    // Whether two recorded releases answer every recorded question alike: a configuration then gets the same verdict.
    bool sameRules(const QString &a, const QString &b) const;

    // The rules for a codex that reported `installed` (empty: unknown), found at `source`.
    JudgingRelease choose(const QString &installed, const QString &source) const;
    // The rules --codex-version asks for; nullopt with *error set when it names no recorded release.
    std::optional<JudgingRelease> asked(const QString &version, QString *error) const;

    // 1 when a is newer than b, -1 when older, 0 when the same ("0.171.0" > "0.99.1").
    static int compare(const QString &a, const QString &b);

private:
    struct Release
    {
        QStringList answers; // what differs from the newest, in one canonical form: equal lists, the same rules
        CodexAcceptance acceptance;
        ConfigSchema schema;
    };
    QStringList m_versions;
    std::map<QString, Release> m_releases;
};

} // namespace Posture::Core

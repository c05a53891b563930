// SPDX-License-Identifier: Apache-2.0
#include "core/config/codexreleases.h"

#include <QFile>
#include <QJsonDocument>
#include <QVersionNumber>

#include <algorithm>

namespace Posture::Core {

namespace {

// One release's answers, decoded (texts index the file's own list), without those the engine cannot tell from the
// newest release's: a refusal whose wording alone changed is the same refusal to the engine, which words its own.
// `kept` lists what remains, as "key/question=status text" lines: two releases with the same lines judge alike.
CodexAcceptance::ReleaseAnswers decodeAnswers(
    const QJsonObject &answers, const QJsonArray &texts, const CodexAcceptance &newest, QStringList &kept)
{
    CodexAcceptance::ReleaseAnswers release;
    for (auto it = answers.constBegin(); it != answers.constEnd(); ++it) {
        const QJsonObject slot = it.value().toObject();
        CodexAcceptance::SlotAnswers decoded;
        bool differs = false;
        const auto take = [&](const QString &question,
                              const QJsonValue &value) -> std::optional<CodexAcceptance::Answer> {
            const CodexAcceptance::Answer answer = CodexAcceptance::decode(value, texts);
            if (answer == newest.answer(it.key(), question))
                return std::nullopt;
            differs = true;
            kept.append(QStringLiteral("%1/%2=%3 %4").arg(it.key(), question).arg(int(answer.status)).arg(answer.text));
            return answer;
        };
        if (slot.contains(u"status"))
            decoded.status = take(QStringLiteral("status"), slot.value(u"status"));
        if (slot.contains(u"unknown_key"))
            decoded.unknownKey = take(QStringLiteral("unknown_key"), slot.value(u"unknown_key"));
        for (const auto &[field, map] : {std::pair{QStringLiteral("kinds"), &decoded.kinds},
                 std::pair{QStringLiteral("values"), &decoded.values}}) {
            const QJsonObject answersOfField = slot.value(field).toObject();
            for (auto answer = answersOfField.constBegin(); answer != answersOfField.constEnd(); ++answer) {
                if (const auto value = take(field + u'.' + answer.key(), answer.value()))
                    map->insert(answer.key(), *value);
            }
        }
        if (differs)
            release.insert(it.key(), decoded);
    }
    kept.sort();
    return release;
}

} // namespace

QString JudgingRelease::fitName() const
{
    switch (fit) {
    case Fit::Asked:
        return QStringLiteral("asked");
    case Fit::Exact:
        return QStringLiteral("exact");
    case Fit::Between:
        return QStringLiteral("between");
    case Fit::NewerThanKnown:
        return QStringLiteral("newer-than-known");
    case Fit::OlderThanKnown:
        return QStringLiteral("older-than-known");
    case Fit::NotKnown:
        return QStringLiteral("not-known");
    }
    Q_UNREACHABLE_RETURN(QString());
}

QString JudgingRelease::describe() const
{
    switch (fit) {
    case Fit::Asked:
        return QStringLiteral("%1 (asked for with --codex-version)").arg(release);
    case Fit::Exact:
        return QStringLiteral("%1 (codex %2, %3)").arg(release, installed, source);
    case Fit::Between:
        return QStringLiteral("%1 (codex %2, %3, is not recorded: the newest recorded release before it)")
            .arg(release, installed, source);
    case Fit::NewerThanKnown:
        return QStringLiteral("%1 (codex %2, %3, is newer than every recorded release: verdicts may be out of date)")
            .arg(release, installed, source);
    case Fit::OlderThanKnown:
        return QStringLiteral("%1 (codex %2, %3, is older than every recorded release: its oldest)")
            .arg(release, installed, source);
    case Fit::NotKnown:
        return QStringLiteral("%1 (newest recorded release: %2)").arg(release, source);
    }
    Q_UNREACHABLE_RETURN(QString());
}

const CodexReleases &CodexReleases::known()
{
    static const CodexReleases releases = [] {
        QFile file(QStringLiteral(":/posture/versions.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the Codex versions table is missing from the build");
        return CodexReleases(
            QJsonDocument::fromJson(file.readAll()).object(), CodexAcceptance::codex(), ConfigSchema::codex());
    }();
    return releases;
}

CodexReleases::CodexReleases(const QJsonObject &versions, const CodexAcceptance &newest, const ConfigSchema &schema)
{
    const QJsonArray texts = versions.value(u"texts").toArray();
    const QJsonObject releases = versions.value(u"versions").toObject();
    for (auto it = releases.constBegin(); it != releases.constEnd(); ++it) {
        QStringList kept;
        CodexAcceptance::ReleaseAnswers answers =
            decodeAnswers(it.value().toObject().value(u"answers").toObject(), texts, newest, kept);
        Release &release =
            m_releases.emplace(it.key(), Release{kept, newest.forRelease(it.key(), std::move(answers)), schema})
                .first->second;
        release.schema = schema.withAcceptance(&release.acceptance); // the map's nodes do not move
        m_versions.append(it.key());
    }
    if (!m_releases.contains(newest.codexVersion())) {
        m_releases.emplace(newest.codexVersion(), Release{{}, newest.forRelease(newest.codexVersion(), {}), schema});
        m_versions.append(newest.codexVersion());
    }
    std::sort(
        m_versions.begin(), m_versions.end(), [](const QString &a, const QString &b) { return compare(a, b) < 0; });
}

QStringList CodexReleases::versions() const
{
    return m_versions;
}

const CodexAcceptance &CodexReleases::acceptance(const QString &version) const
{
    const auto it = m_releases.find(version);
    return (it == m_releases.end() ? m_releases.at(newest()) : it->second).acceptance;
}

const ConfigSchema &CodexReleases::schema(const QString &version) const
{
    const auto it = m_releases.find(version);
    return (it == m_releases.end() ? m_releases.at(newest()) : it->second).schema;
}

bool CodexReleases::sameRules(const QString &a, const QString &b) const
{
    const auto first = m_releases.find(a);
    const auto second = m_releases.find(b);
    return first != m_releases.end() && second != m_releases.end() && first->second.answers == second->second.answers;
}

int CodexReleases::compare(const QString &a, const QString &b)
{
    const int order = QVersionNumber::compare(QVersionNumber::fromString(a), QVersionNumber::fromString(b));
    return order > 0 ? 1 : order < 0 ? -1 : 0;
}

JudgingRelease CodexReleases::choose(const QString &installed, const QString &source) const
{
    JudgingRelease choice{newest(), installed, source, JudgingRelease::Fit::NotKnown};
    if (installed.isEmpty())
        return choice;
    if (isKnown(installed)) {
        choice.release = installed;
        choice.fit = JudgingRelease::Fit::Exact;
    } else if (compare(installed, newest()) > 0) {
        choice.fit = JudgingRelease::Fit::NewerThanKnown;
    } else if (compare(installed, oldest()) < 0) {
        choice.release = oldest();
        choice.fit = JudgingRelease::Fit::OlderThanKnown;
    } else {
        // The newest recorded release before it: whatever changed after that is not known.
        const auto before = std::find_if(m_versions.crbegin(), m_versions.crend(),
            [&installed](const QString &version) { return compare(version, installed) < 0; });
        choice.release = *before;
        choice.fit = JudgingRelease::Fit::Between;
    }
    return choice;
}

std::optional<JudgingRelease> CodexReleases::asked(const QString &version, QString *error) const
{
    if (!isKnown(version)) {
        *error = QStringLiteral("--codex-version %1: not a recorded Codex release; known: %2")
                     .arg(version, m_versions.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return JudgingRelease{version, version, QStringLiteral("--codex-version"), JudgingRelease::Fit::Asked};
}

} // namespace Posture::Core

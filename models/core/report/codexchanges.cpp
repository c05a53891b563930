// SPDX-License-Identifier: Apache-2.0
#include "core/report/codexchanges.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Posture::Core::CodexChangeList {

namespace {

using Status = CodexAcceptance::Status;

QString kindOf(const CodexAcceptance::Answer &before, const CodexAcceptance::Answer &after)
{
    if (after.status == Status::Fail)
        return QStringLiteral("newly refused");
    if (before.status == Status::Fail)
        return QStringLiteral("no longer refused");
    if (after.status == Status::Warning && before.status == Status::Warning)
        return QStringLiteral("warning changed");
    if (after.status == Status::Warning)
        return QStringLiteral("newly warned");
    return QStringLiteral("no longer warned");
}

QString questionInWords(const QString &question)
{
    if (question == u"status")
        return QStringLiteral("its valid value");
    if (question == u"unknown_key")
        return QStringLiteral("an unknown key inside it");
    if (question.startsWith(u"kinds."))
        return QStringLiteral("a value of kind %1").arg(question.mid(6));
    if (question.startsWith(u"values."))
        return QStringLiteral("the value \"%1\"").arg(question.mid(7));
    return question;
}

QString answerText(const CodexAcceptance::Answer &answer)
{
    QString text = answer.text;
    text.replace(u'\n', QStringLiteral("\n        ")); // Codex's multi-line warnings stay under their release
    return text.isEmpty() ? statusName(answer.status) : QStringLiteral("%1: %2").arg(statusName(answer.status), text);
}

} // namespace

QString statusName(CodexAcceptance::Status status)
{
    using Status = CodexAcceptance::Status;
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Warning:
        return QStringLiteral("warning");
    case Status::Fail:
        return QStringLiteral("refused");
    case Status::Unknown:
        return QStringLiteral("not recorded");
    }
    Q_UNREACHABLE_RETURN(QString());
}

CodexChanges between(const CodexReleases &releases, const QString &from, const QString &to)
{
    CodexChanges result{from, to, {}, {}};
    const bool forwards = CodexReleases::compare(from, to) <= 0;
    QStringList path; // the releases after `from`, up to and with `to`, in the direction of travel
    for (const QString &version : releases.versions()) {
        const int afterFrom = CodexReleases::compare(version, from) * (forwards ? 1 : -1);
        const int beforeTo = CodexReleases::compare(version, to) * (forwards ? 1 : -1);
        if (afterFrom > 0 && beforeTo <= 0)
            path.append(version);
    }
    if (!forwards)
        std::reverse(path.begin(), path.end());
    result.between = path.mid(0, path.size() - 1);
    const CodexAcceptance &older = releases.acceptance(from);
    const CodexAcceptance &newer = releases.acceptance(to);
    for (const CodexAcceptance::Difference &difference : newer.differencesFrom(older)) {
        CodexChange change{kindOf(difference.before, difference.after), difference.key, difference.question,
            questionInWords(difference.question), difference.before, difference.after, to};
        for (const QString &version : std::as_const(path)) {
            if (releases.acceptance(version).answer(difference.key, difference.question) == difference.after) {
                change.since = version;
                break;
            }
        }
        result.changes.append(change);
    }
    return result;
}

QList<CodexChange> merged(const CodexChanges &changes)
{
    QList<CodexChange> result;
    for (const CodexChange &change : changes.changes) {
        if (!result.isEmpty()) {
            CodexChange &last = result.last();
            if (last.key == change.key && last.kind == change.kind && last.before == change.before
                && last.after == change.after && last.since == change.since) {
                last.what += QStringLiteral(", ") + change.what;
                continue;
            }
        }
        result.append(change);
    }
    return result;
}

QString text(const CodexChanges &changes)
{
    QString out = QStringLiteral("Codex configuration semantics, %1 -> %2").arg(changes.from, changes.to);
    if (!changes.between.isEmpty())
        out += QStringLiteral(" (recorded releases between: %1)").arg(changes.between.join(QStringLiteral(", ")));
    out += u'\n';
    if (changes.changes.isEmpty()) {
        out += QStringLiteral("No recorded question is answered differently: the same keys, values, warnings and "
                              "refusals.\n");
        return out;
    }
    out += QStringLiteral("%1 answer%2 changed:\n")
               .arg(changes.changes.size())
               .arg(changes.changes.size() == 1 ? "" : "s");
    for (const CodexChange &change : merged(changes))
        out += QStringLiteral("  %1  %2: %3 (since %4)\n      %5: %6\n      %7: %8\n")
                   .arg(change.kind, change.key, change.what, change.since, changes.from, answerText(change.before),
                       changes.to, answerText(change.after));
    return out;
}

QByteArray json(const CodexChanges &changes)
{
    const auto answer = [](const CodexAcceptance::Answer &value) {
        QJsonObject object{{QStringLiteral("status"), statusName(value.status)}};
        if (!value.text.isEmpty())
            object.insert(QStringLiteral("text"), value.text);
        return object;
    };
    QJsonArray list;
    for (const CodexChange &change : changes.changes)
        list.append(QJsonObject{{QStringLiteral("kind"), change.kind}, {QStringLiteral("key"), change.key},
            {QStringLiteral("question"), change.question}, {QStringLiteral("what"), change.what},
            {QStringLiteral("before"), answer(change.before)}, {QStringLiteral("after"), answer(change.after)},
            {QStringLiteral("since"), change.since}});
    return QJsonDocument(QJsonObject{{QStringLiteral("from"), changes.from}, {QStringLiteral("to"), changes.to},
                             {QStringLiteral("between"), QJsonArray::fromStringList(changes.between)},
                             {QStringLiteral("changes"), list}})
        .toJson(QJsonDocument::Indented);
}

} // namespace Posture::Core::CodexChangeList

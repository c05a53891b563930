// SPDX-License-Identifier: Apache-2.0
// posture-record-version CODEX ACCEPTANCE_JSON [JOBS] [--check-sample N]: asks a Codex CLI the questions of the
// acceptance table (recorded from the pinned CLI, models/core/config/schema/acceptance.json) and prints, as JSON, the
// answers that differ from the table: that version's entry of versions.json (format in
// models/core/config/schema/VERSIONS.md), with its own texts.
// posture-record-version --combine NEWEST ENTRY_JSON...: prints versions.json made of such entries.
// scripts/record-versions runs both for every pinned version.
//
// Asking 7,000 questions one by one takes a quarter of an hour per version; nearly all answers are the table's, so:
// - the questions the table answers with ok or a warning are asked together, many in one config.toml (one value per
//   key; a `*` name made unique per question so that questions do not share a table). When that config's answer is
//   what the table predicts for its questions, they all have the table's answer; when not, the group is halved until
//   the questions that differ are alone, and those are asked one by one as the acceptance recorder asks them;
// - a question the table answers with a refusal is asked alone (Codex stops at the first error), with `debug
//   prompt-input` only: a refusal with the very text the table recorded is the table's answer (doctor refuses what
//   prompt-input refuses: the same loader), anything else is asked again in full.
// --check-sample N then asks N questions chosen at random one by one in full, and fails when an answer differs from
// the recorded one: the proof that the shortcuts give what asking every question alone gives.
#include "acceptancequestions.h"
#include "verdict.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QThreadPool>
#include <QVersionNumber>

#include <atomic>
#include <cstdio>
#include <map>

using namespace Posture::Tests;

namespace {

// The lines of a question in a shared config: its context and its key, every name the user chooses (`*`, written
// ProbeName) made probe<index>, so that no two questions configure the same MCP server or profile.
QStringList sharedLines(const Question &question, qsizetype index)
{
    const QString name = ProbeName + QString::number(index);
    const auto renamed = [&name](const QString &line) {
        QStringList key = line.section(QStringLiteral(" = "), 0, 0).split(u'.');
        for (QString &part : key) {
            if (part == ProbeName)
                part = name;
        }
        return key.join(u'.') + QStringLiteral(" = ") + line.section(QStringLiteral(" = "), 1);
    };
    QStringList lines;
    if (!question.context.isEmpty()) {
        for (const QString &line : question.context.split(u'\n'))
            lines.append(renamed(line));
    }
    lines.append(renamed(tomlKey(question.path) + QStringLiteral(" = ") + question.literal));
    return lines;
}

// A warning as comparable units: one per line, the count of ignored settings and the unique names taken out. Codex
// gathers every ignored key of a config into one warning (a header with their count, then a line per key), so the
// warning of a shared config is the union of its questions' lines; other warnings are lines of their own.
QSet<QString> warningUnits(const QString &text)
{
    static const QRegularExpression count(QStringLiteral("ignoring \\d+ unrecognized configuration settings?\\."));
    static const QRegularExpression unique(QStringLiteral("\\b") + ProbeName + QStringLiteral("\\d+\\b"));
    QSet<QString> units;
    for (QString line : text.split(u'\n')) {
        line.replace(count, QStringLiteral("ignoring N unrecognized configuration setting(s)."));
        line.replace(unique, ProbeName);
        if (!line.trimmed().isEmpty())
            units.insert(line.trimmed());
    }
    return units;
}

// Codex names at most three ignored settings in its warning ("... and N more"): a shared config expects no more.
int ignoredNamed(const Outcome &outcome)
{
    return int(outcome.text.count(QStringLiteral("` is ignored")));
}

class Recorder
{
public:
    Recorder(QString codex, QList<Question> questions, int jobs)
        : m_codex(std::move(codex))
        , m_questions(std::move(questions))
        , m_answers(m_questions.size())
    {
        m_pool.setMaxThreadCount(jobs);
    }

    void run()
    {
        QList<QList<qsizetype>> groups;
        for (qsizetype i = 0; i < m_questions.size(); ++i) {
            if (m_questions.at(i).expected.status == u"fail")
                m_pool.start([this, i] { askRefused(i); });
            else
                place(groups, i);
        }
        for (const QList<qsizetype> &group : std::as_const(groups))
            m_pool.start([this, group] { askTogether(group); });
        m_pool.waitForDone();
    }

    const QList<Outcome> &answers() const { return m_answers; }
    int calls() const { return m_calls; }

private:
    // Into the first group where none of its keys is set already (nor a table above or below it), and where Codex
    // still names every ignored key.
    void place(QList<QList<qsizetype>> &groups, qsizetype index)
    {
        const Question &question = m_questions.at(index);
        const QStringList lines = sharedLines(question, index);
        for (qsizetype g = 0; g <= groups.size(); ++g) {
            if (g == groups.size()) {
                groups.append(QList<qsizetype>());
                m_groupKeys.append(QHash<QString, QString>());
                m_groupIgnored.append(0);
            }
            if (m_groupIgnored.at(g) + ignoredNamed(question.expected) > 3 || clashes(m_groupKeys.at(g), lines))
                continue;
            groups[g].append(index);
            m_groupIgnored[g] += ignoredNamed(question.expected);
            for (const QString &line : lines)
                m_groupKeys[g].insert(line.section(QStringLiteral(" = "), 0, 0), line);
            return;
        }
    }

    static bool clashes(const QHash<QString, QString> &keys, const QStringList &lines)
    {
        for (const QString &line : lines) {
            const QString key = line.section(QStringLiteral(" = "), 0, 0);
            if (keys.contains(key) && keys.value(key) != line)
                return true;
            for (auto it = keys.constBegin(); it != keys.constEnd(); ++it) {
                if (it.key().startsWith(key + u'.') || key.startsWith(it.key() + u'.'))
                    return true;
            }
        }
        return false;
    }

    void askTogether(const QList<qsizetype> &group)
    {
        QStringList lines;
        QSet<QString> expectedUnits;
        bool warns = false;
        for (const qsizetype index : group) {
            for (const QString &line : sharedLines(m_questions.at(index), index)) {
                if (!lines.contains(line))
                    lines.append(line);
            }
            const Outcome &expected = m_questions.at(index).expected;
            warns = warns || expected.status == u"warning";
            expectedUnits.unite(warningUnits(expected.text));
        }
        const Outcome outcome = askCodex(m_codex, lines.join(u'\n') + u'\n', false);
        ++m_calls;
        const bool agrees =
            outcome.status == (warns ? u"warning" : u"ok") && (!warns || warningUnits(outcome.text) == expectedUnits);
        if (agrees) {
            for (const qsizetype index : group)
                m_answers[index] = m_questions.at(index).expected;
        } else if (group.size() == 1) {
            askAlone(group.constFirst());
        } else {
            askTogether(group.first(group.size() / 2));
            askTogether(group.sliced(group.size() / 2));
        }
    }

    void askRefused(qsizetype index)
    {
        const Question &question = m_questions.at(index);
        const QString refusal = promptInputRefusal(m_codex, configOf(question));
        ++m_calls;
        if (!refusal.isEmpty() && refusal == question.expected.text)
            m_answers[index] = question.expected;
        else
            askAlone(index);
    }

    void askAlone(qsizetype index)
    {
        m_answers[index] = askCodex(m_codex, configOf(m_questions.at(index)));
        m_calls += m_answers.at(index).status == u"fail" ? 2 : 1;
    }

    QString m_codex;
    QList<Question> m_questions;
    QList<Outcome> m_answers; // each written by one task only
    QList<QHash<QString, QString>> m_groupKeys; // while placing: each group's keys and their lines
    QList<int> m_groupIgnored;
    std::atomic<int> m_calls = 0;
    QThreadPool m_pool;
};

// Re-encodes answers (an entry's "answers", texts its own) with the shared texts, in the order of the JSON objects
// (slots, then fields, then kinds and values, all sorted), so that the numbering is the same on every run.
QJsonObject reencoded(const QJsonObject &answers, const QJsonArray &texts, AnswerTexts &shared)
{
    QJsonObject result;
    for (auto it = answers.constBegin(); it != answers.constEnd(); ++it) {
        if (it.value().isObject())
            result.insert(it.key(), reencoded(it.value().toObject(), texts, shared));
        else
            result.insert(it.key(), shared.encode(decodeAnswer(it.value().toString(), texts)));
    }
    return result;
}

QString codexVersion(const QString &codex)
{
    QString error;
    return QString::fromUtf8(runOracle(codex, CodexCase{QDir::tempPath(), QDir::tempPath(), QDir::tempPath(), {}, {}},
                                 {QStringLiteral("--version")}, &error))
        .trimmed()
        .section(u' ', -1);
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(file.errorString()));
        std::exit(1);
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

int combine(const QString &newest, const QStringList &entryFiles)
{
    QList<QJsonObject> entries;
    for (const QString &path : entryFiles)
        entries.append(readJson(path));
    std::sort(entries.begin(), entries.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return QVersionNumber::fromString(a.value(u"codex_version").toString())
            < QVersionNumber::fromString(b.value(u"codex_version").toString());
    });
    AnswerTexts texts;
    QJsonObject versions;
    for (const QJsonObject &entry : std::as_const(entries)) {
        versions.insert(entry.value(u"codex_version").toString(),
            QJsonObject{{QStringLiteral("questions"), entry.value(u"questions")},
                {QStringLiteral("calls"), entry.value(u"calls")},
                {QStringLiteral("answers"),
                    reencoded(entry.value(u"answers").toObject(), entry.value(u"texts").toArray(), texts)}});
    }
    const QJsonObject document{{QStringLiteral("newest"), newest},
        {QStringLiteral("recorded_by"), QStringLiteral("scripts/record-versions")},
        {QStringLiteral("texts"), texts.json()}, {QStringLiteral("versions"), versions}};
    std::fputs(QJsonDocument(document).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}

// Asks sample questions chosen at random alone, in full, and counts those whose answer is not the recorded one.
int checkSample(const QString &codex, const QList<Question> &questions, const QList<Outcome> &answers, int sample)
{
    QList<qsizetype> chosen;
    for (qsizetype i = 0; i < questions.size(); ++i)
        chosen.append(i);
    std::shuffle(chosen.begin(), chosen.end(), *QRandomGenerator::global());
    chosen.resize(qMin<qsizetype>(sample, chosen.size()));
    QMutex mutex;
    int differ = 0;
    QThreadPool pool;
    pool.setMaxThreadCount(QThreadPool::globalInstance()->maxThreadCount());
    for (const qsizetype index : std::as_const(chosen)) {
        pool.start([&, index] {
            const Question &question = questions.at(index);
            const Outcome alone = askCodex(codex, configOf(question));
            const QMutexLocker lock(&mutex);
            if (alone.status != answers.at(index).status || alone.text != answers.at(index).text) {
                ++differ;
                std::fprintf(stderr, "sample: %s %s %s: recorded %s, alone %s %s\n", qPrintable(question.slot),
                    qPrintable(question.field), qPrintable(question.item), qPrintable(answers.at(index).status),
                    qPrintable(alone.status), qPrintable(alone.text.left(200)));
            }
        });
    }
    pool.waitForDone();
    std::fprintf(stderr, "sample: asked %lld questions alone; %d answers differ from the recorded ones\n",
        qlonglong(chosen.size()), differ);
    return differ;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() >= 3 && arguments.at(1) == u"--combine")
        return combine(arguments.at(2), arguments.mid(3));
    int sample = 0;
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--check-sample")); at > 0 && at + 1 < arguments.size()) {
        sample = arguments.at(at + 1).toInt();
        arguments.remove(at, 2);
    }
    if (arguments.size() < 3) {
        std::fprintf(stderr,
            "usage: posture-record-version CODEX ACCEPTANCE_JSON [JOBS] [--check-sample N]\n"
            "       posture-record-version --combine NEWEST ENTRY_JSON...\n");
        return 2;
    }
    const QString codex = arguments.at(1);
    const QJsonObject table = readJson(arguments.at(2));
    const int jobs = arguments.size() > 3 ? qMax(1, arguments.at(3).toInt()) : 4;
    QThreadPool::globalInstance()->setMaxThreadCount(jobs);
    const QList<Question> questions = questionsOf(table);
    Recorder recorder(codex, questions, jobs);
    recorder.run();

    AnswerTexts texts;
    QJsonObject answers;
    int unanswered = 0;
    for (qsizetype i = 0; i < questions.size(); ++i) {
        const Question &question = questions.at(i);
        const Outcome &answer = recorder.answers().at(i);
        unanswered += answer.status.isEmpty() ? 1 : 0;
        if (answer.status == question.expected.status && answer.text == question.expected.text)
            continue;
        QJsonObject slot = answers.value(question.slot).toObject();
        if (question.item.isEmpty()) {
            slot.insert(question.field, texts.encode(answer));
        } else {
            QJsonObject items = slot.value(question.field).toObject();
            items.insert(question.item, texts.encode(answer));
            slot.insert(question.field, items);
        }
        answers.insert(question.slot, slot);
    }
    const QString version = codexVersion(codex);
    // The texts renumbered in the order --combine reads them, so that an entry alone and in versions.json agree.
    AnswerTexts ordered;
    const QJsonObject entry{{QStringLiteral("codex_version"), version},
        {QStringLiteral("questions"), int(questions.size())}, {QStringLiteral("calls"), recorder.calls()},
        {QStringLiteral("answers"), reencoded(answers, texts.json(), ordered)},
        {QStringLiteral("texts"), ordered.json()}};
    std::fputs(QJsonDocument(entry).toJson(QJsonDocument::Indented).constData(), stdout);
    std::fprintf(stderr, "codex %s: %lld questions, %d CLI runs, %lld keys answer otherwise than %s, %d unanswered\n",
        qPrintable(version), qlonglong(questions.size()), recorder.calls(), qlonglong(answers.size()),
        qPrintable(table.value(u"codex_version").toString()), unanswered);
    const int differ = sample > 0 ? checkSample(codex, questions, recorder.answers(), sample) : 0;
    return unanswered == 0 && differ == 0 ? 0 : 1;
}

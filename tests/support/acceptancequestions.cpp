// SPDX-License-Identifier: Apache-2.0
#include "acceptancequestions.h"

#include <QJsonArray>

namespace Posture::Tests {

Outcome decodeAnswer(const QString &answer, const QJsonArray &texts)
{
    const QString status = answer.section(u':', 0, 0);
    return {status, answer.contains(u':') ? texts.at(answer.section(u':', 1).toInt()).toString() : QString()};
}

QStringList slotPath(const QString &name)
{
    QStringList path;
    for (const QString &part : name.split(u'.')) {
        if (!path.isEmpty() && !part.isEmpty() && part.front().isDigit() && !path.constLast().isEmpty()
            && path.constLast().back().isDigit())
            path.last() += u'.' + part;
        else
            path.append(part);
    }
    return path;
}

QList<Question> questionsOf(const QJsonObject &table)
{
    const QJsonArray texts = table.value(u"texts").toArray();
    const QJsonObject slots = table.value(u"slots").toObject();
    QList<Question> questions;
    for (auto it = slots.constBegin(); it != slots.constEnd(); ++it) {
        const QJsonObject slot = it.value().toObject();
        if (slot.value(u"valid").isNull())
            continue; // the engine ignores a slot without a valid value, and the recorder asked nothing about it
        const Question base{it.key(), {}, {}, slotPath(it.key()), slot.value(u"context").toString(), {}, {}};
        const QString valid = slot.value(u"valid").toString();
        Question status = base;
        status.field = QStringLiteral("status");
        status.literal = valid;
        status.expected = decodeAnswer(slot.value(u"status").toString(), texts);
        questions.append(status);
        const QJsonObject kinds = slot.value(u"kinds").toObject();
        for (const auto &[kind, literal] : kindLiterals()) {
            if (!kinds.contains(kind))
                continue;
            Question question = base;
            question.field = QStringLiteral("kinds");
            question.item = kind;
            question.literal = literal;
            question.expected = decodeAnswer(kinds.value(kind).toString(), texts);
            questions.append(question);
        }
        const QJsonObject values = slot.value(u"values").toObject();
        for (auto value = values.constBegin(); value != values.constEnd(); ++value) {
            Question question = base;
            question.field = QStringLiteral("values");
            question.item = value.key();
            question.literal = u'"' + value.key() + u'"';
            question.expected = decodeAnswer(value.value().toString(), texts);
            questions.append(question);
        }
        if (slot.contains(u"unknown_key")) {
            Question question = base;
            question.field = QStringLiteral("unknown_key");
            question.literal = withUnknownKey(valid);
            question.expected = decodeAnswer(slot.value(u"unknown_key").toString(), texts);
            questions.append(question);
        }
    }
    return questions;
}

namespace {

// An entry's answer re-pointed at the combined text list: versions.json's texts follow acceptance.json's.
QJsonValue shifted(const QJsonValue &answer, qsizetype offset)
{
    if (answer.isObject()) {
        QJsonObject items = answer.toObject();
        for (auto it = items.begin(); it != items.end(); ++it)
            *it = shifted(*it, offset);
        return items;
    }
    const QString text = answer.toString();
    if (!text.contains(u':'))
        return text;
    return QString(text.section(u':', 0, 0) + u':' + QString::number(text.section(u':', 1).toLongLong() + offset));
}

} // namespace

QJsonObject releaseTable(const QJsonObject &acceptance, const QJsonObject &versions, const QString &version)
{
    QJsonObject table = acceptance;
    QJsonArray texts = acceptance.value(u"texts").toArray();
    const qsizetype offset = texts.size();
    for (const QJsonValue &text : versions.value(u"texts").toArray())
        texts.append(text);
    table.insert(QStringLiteral("texts"), texts);
    QJsonObject slots = table.value(u"slots").toObject();
    const QJsonObject answers =
        versions.value(u"versions").toObject().value(version).toObject().value(u"answers").toObject();
    for (auto it = answers.constBegin(); it != answers.constEnd(); ++it) {
        QJsonObject slot = slots.value(it.key()).toObject();
        const QJsonObject fields = it.value().toObject();
        for (auto field = fields.constBegin(); field != fields.constEnd(); ++field) {
            if (field.value().isObject()) {
                QJsonObject items = slot.value(field.key()).toObject();
                const QJsonObject changed = field.value().toObject();
                for (auto item = changed.constBegin(); item != changed.constEnd(); ++item)
                    items.insert(item.key(), shifted(item.value(), offset));
                slot.insert(field.key(), items);
            } else {
                slot.insert(field.key(), shifted(field.value(), offset));
            }
        }
        slots.insert(it.key(), slot);
    }
    table.insert(QStringLiteral("slots"), slots);
    table.insert(QStringLiteral("codex_version"), version);
    return table;
}

QString configOf(const Question &question)
{
    return probeConfig(question.path, question.context, question.literal);
}

} // namespace Posture::Tests

// SPDX-License-Identifier: Apache-2.0
// Build tool: writes a JSON schema without its prose (description, title, default, examples) in compact form, so
// that the engine parses a third of the text when it starts. Usage: posture-compact-schema IN OUT
// Given the acceptance table (acceptance.json, which has "slots"), it keeps what the engine reads: each answer, and
// the text of warnings only (Codex's errors are recorded for people; the engine writes its own).
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {

QJsonValue withoutProse(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &element : value.toArray())
            array.append(withoutProse(element));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object;
    const QJsonObject source = value.toObject();
    for (auto it = source.constBegin(); it != source.constEnd(); ++it) {
        // "properties" and "definitions" are maps of names: a setting may be called "description".
        const bool isNameMap = it.key() == u"properties" || it.key() == u"definitions";
        if (!isNameMap
            && (it.key() == u"description" || it.key() == u"title" || it.key() == u"default"
                || it.key() == u"examples"))
            continue;
        if (isNameMap) {
            QJsonObject names;
            const QJsonObject map = it.value().toObject();
            for (auto name = map.constBegin(); name != map.constEnd(); ++name)
                names.insert(name.key(), withoutProse(name.value()));
            object.insert(it.key(), names);
        } else {
            object.insert(it.key(), withoutProse(it.value()));
        }
    }
    return object;
}

// "fail:N" becomes "fail"; "warning:N" keeps its text under a new, dense index.
QJsonObject compactAcceptance(const QJsonObject &table)
{
    const QJsonArray texts = table.value(u"texts").toArray();
    QJsonArray kept;
    QHash<int, int> keptIndex;
    const auto answer = [&](const QJsonValue &value) -> QJsonValue {
        const QString text = value.toString();
        if (text.startsWith(u"fail"))
            return QStringLiteral("fail");
        if (!text.startsWith(u"warning:"))
            return value;
        const int index = text.mid(8).toInt();
        if (!keptIndex.contains(index)) {
            keptIndex.insert(index, int(kept.size()));
            kept.append(texts.at(index));
        }
        return QStringLiteral("warning:%1").arg(keptIndex.value(index));
    };
    const auto answers = [&](const QJsonObject &map) {
        QJsonObject out;
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            out.insert(it.key(), answer(it.value()));
        return out;
    };
    QJsonObject slots;
    const QJsonObject source = table.value(u"slots").toObject();
    for (auto it = source.constBegin(); it != source.constEnd(); ++it) {
        const QJsonObject slot = it.value().toObject();
        if (slot.value(u"valid").isNull())
            continue; // no value of this key loaded on its own: the table cannot judge it
        QJsonObject out{{QStringLiteral("status"), answer(slot.value(u"status"))},
            {QStringLiteral("kinds"), answers(slot.value(u"kinds").toObject())}};
        if (slot.contains(u"values"))
            out.insert(QStringLiteral("values"), answers(slot.value(u"values").toObject()));
        if (slot.contains(u"unknown_key"))
            out.insert(QStringLiteral("unknown_key"), answer(slot.value(u"unknown_key")));
        slots.insert(it.key(), out);
    }
    return {{QStringLiteral("codex_version"), table.value(u"codex_version")}, {QStringLiteral("slots"), slots},
        {QStringLiteral("texts"), kept}};
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: posture-compact-schema IN OUT\n");
        return 2;
    }
    QFile in(QString::fromLocal8Bit(argv[1]));
    QFile out(QString::fromLocal8Bit(argv[2]));
    QJsonParseError error;
    const QJsonDocument document =
        in.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(in.readAll(), &error) : QJsonDocument();
    if (!document.isObject()) {
        std::fprintf(stderr, "posture-compact-schema: %s is not a JSON schema\n", argv[1]);
        return 1;
    }
    const QJsonObject compacted = document.object().contains(u"slots") ? compactAcceptance(document.object())
                                                                       : withoutProse(document.object()).toObject();
    const QByteArray compact = QJsonDocument(compacted).toJson(QJsonDocument::Compact);
    if (!out.open(QIODevice::WriteOnly) || out.write(compact) != compact.size()) {
        std::fprintf(stderr, "posture-compact-schema: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}

// SPDX-License-Identifier: Apache-2.0
// Build tool: writes a JSON schema without its prose (description, title, default, examples) in compact form, so
// that the engine parses a third of the text when it starts. Usage: posture-compact-schema IN OUT
#include <QFile>
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
    const QByteArray compact = QJsonDocument(withoutProse(document.object()).toObject()).toJson(QJsonDocument::Compact);
    if (!out.open(QIODevice::WriteOnly) || out.write(compact) != compact.size()) {
        std::fprintf(stderr, "posture-compact-schema: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}

// SPDX-License-Identifier: Apache-2.0
#include "core/fixes/fixjournal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace Posture::Core {

namespace {

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject JournalEntry::toJson() const
{
    switch (kind) {
    case Kind::Applied:
        return {{QStringLiteral("time"), timeText(time)}, {QStringLiteral("file"), file},
            {QStringLiteral("written_to"), writtenTo}, {QStringLiteral("fix"), fix},
            {QStringLiteral("fixes"), QJsonArray::fromStringList(fixes)}, {QStringLiteral("finding"), finding},
            {QStringLiteral("before_sha256"), beforeSha256}, {QStringLiteral("after_sha256"), afterSha256},
            {QStringLiteral("backup"), backup}, {QStringLiteral("created"), created}};
    case Kind::Undone:
    case Kind::Restored:
        return {{QStringLiteral("time"), timeText(time)}, {QStringLiteral("file"), file},
            {kind == Kind::Undone ? QStringLiteral("undone") : QStringLiteral("restored"), fix},
            {QStringLiteral("after_sha256"), afterSha256}};
    }
    Q_UNREACHABLE_RETURN({});
}

std::optional<JournalEntry> JournalEntry::fromJson(const QJsonObject &object)
{
    JournalEntry entry;
    entry.time = QDateTime::fromString(object.value(u"time").toString(), Qt::ISODateWithMs);
    entry.file = object.value(u"file").toString();
    entry.afterSha256 = object.value(u"after_sha256").toString();
    if (object.contains(u"undone") || object.contains(u"restored")) {
        entry.kind = object.contains(u"undone") ? Kind::Undone : Kind::Restored;
        entry.fix = object.value(u"undone").toString() + object.value(u"restored").toString();
        return entry;
    }
    if (!object.contains(u"fix"))
        return std::nullopt;
    entry.kind = Kind::Applied;
    entry.fix = object.value(u"fix").toString();
    entry.writtenTo = object.value(u"written_to").toString();
    for (const QJsonValue &id : object.value(u"fixes").toArray())
        entry.fixes.append(id.toString());
    entry.finding = object.value(u"finding").toString();
    entry.beforeSha256 = object.value(u"before_sha256").toString();
    entry.backup = object.value(u"backup").toString();
    // Journals written before "created" existed say it by an empty backup.
    entry.created = object.value(u"created").toBool() || entry.backup.isEmpty();
    return entry;
}

namespace FixJournal {

bool append(const QString &journalPath, const JournalEntry &entry)
{
    QDir().mkpath(QFileInfo(journalPath).absolutePath());
    QFile journal(journalPath);
    if (!journal.open(QIODevice::Append))
        return false;
    return journal.write(QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) + '\n') > 0;
}

std::optional<QList<JournalEntry>> standing(const QString &journalPath)
{
    QFile journal(journalPath);
    if (!journal.open(QIODevice::ReadOnly))
        return std::nullopt;
    QList<JournalEntry> applied;
    for (const QByteArray &line : journal.readAll().split('\n')) {
        const std::optional<JournalEntry> entry = JournalEntry::fromJson(QJsonDocument::fromJson(line).object());
        if (!entry)
            continue;
        if (entry->kind == JournalEntry::Kind::Applied) {
            applied.append(*entry);
            continue;
        }
        for (qsizetype i = applied.size() - 1; i >= 0; --i) {
            if (applied.at(i).fix == entry->fix && applied.at(i).file == entry->file) {
                applied.removeAt(i);
                break;
            }
        }
    }
    return applied;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace FixJournal

} // namespace Posture::Core

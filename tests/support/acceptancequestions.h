// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "acceptanceprobe.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Posture::Tests {

// The questions of the acceptance table (models/core/config/schema/acceptance.json), as the recorder of versions.json
// asks them (tests/tools/recordversion.cpp) and as tst_releasesample asks a sample of them again.

// One question: a value written for a key, and the table's answer.
struct Question
{
    QString slot; // the slot's name in acceptance.json
    QString field; // status | kinds | values | unknown_key
    QString item; // the kind or the value (kinds, values)
    QStringList path;
    QString context;
    QString literal;
    Outcome expected;

    // "slot field item", for messages.
    QString name() const { return QStringList{slot, field, item}.join(u' ').trimmed(); }
};

// A table's answer decoded: "warning:N" with texts[N].
Outcome decodeAnswer(const QString &answer, const QJsonArray &texts);

// A slot's key path from its name. The table joins the path with dots, and one key of the schema has a dot of its own
// (`notice."hide_gpt-5.1-codex-max_migration_prompt"`): a dot between two digits is a version number, not a table.
QStringList slotPath(const QString &name);

// Every question of a table whose slot has a valid value (the engine ignores the others), with the table's answers.
QList<Question> questionsOf(const QJsonObject &table);

// The table of one recorded release: acceptance.json with that release's entry of versions.json put over it (format
// in models/core/config/schema/VERSIONS.md), its answers' texts added to the table's.
QJsonObject releaseTable(const QJsonObject &acceptance, const QJsonObject &versions, const QString &version);

// The config.toml that asks a question alone.
QString configOf(const Question &question);

} // namespace Posture::Tests

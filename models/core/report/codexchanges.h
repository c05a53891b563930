// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/codexreleases.h"

namespace Posture::Core {

// What changed in Codex's configuration semantics between two recorded releases (--codex-changes A B): every
// question of the acceptance table the two answer differently, in words, with the release that changed it.
struct CodexChange
{
    QString kind; // newly refused | no longer refused | newly warned | no longer warned | warning changed
    QString key; // "features.multi_agent"
    QString question; // as the table names it: status | kinds.<kind> | values.<value> | unknown_key
    QString what; // the question in words: "a boolean", "the value \"xhigh\"", "an unknown key inside it"
    CodexAcceptance::Answer before;
    CodexAcceptance::Answer after;
    QString since; // the first recorded release after `from` that answers as `to` does
};

struct CodexChanges
{
    QString from;
    QString to;
    QStringList between; // the recorded releases strictly between them
    QList<CodexChange> changes;
};

namespace CodexChangeList {

// from and to must be recorded releases (CodexReleases::isKnown); from may be newer than to (changes backwards).
CodexChanges between(const CodexReleases &releases, const QString &from, const QString &to);

// The changes with the questions of one key that changed alike as one ("its valid value, a value of kind boolean").
QList<CodexChange> merged(const CodexChanges &changes);

// "ok", "warning", "refused" or "not recorded": an answer's status in words.
QString statusName(CodexAcceptance::Status status);

QString text(const CodexChanges &changes);
QByteArray json(const CodexChanges &changes);

} // namespace CodexChangeList

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QString>

#include <memory>

namespace Posture::Core {

struct TomlTree; // config/configdocumenttree.h

// What to inspect: empty fields mean "as Codex would find it on this machine".
struct InspectOptions
{
    QString codexHome; // --codex-home
    QString home; // --home
    QString cwd; // --cwd: the directory Codex would be started in (default: the current one)
    QString profile; // --profile: the profile Codex would be started with
    QString systemRoot; // --system-root: a copied machine: /etc/codex/..., /proc, /sys, bwrap are read below it
    QString cloudFile; // --cloud: the declared cloud environments
    // --codex-version: the recorded Codex release whose checks judge both surfaces; empty: the release of the codex
    // each surface runs (asked when programs run), or the newest recorded one.
    QString codexVersion;
    // Start the fixed probes: each codex binary's --version, bwrap and `codex sandbox` (never anything the config
    // names). Never on a copied machine (systemRoot).
    bool runPrograms = false;
    int probeTimeoutMs = 5000; // per probe program
    QString baselineFile; // --baseline: the intended posture; drift becomes findings ("working-rule": the shipped one)
    QString acceptFile; // --accept: accepted risks
    QDate today = QDate::currentDate(); // for the accepted risks' expiry
    // Layer files read from these bytes instead of from disk (path as the layer names it): a guided fix is judged
    // on what it would write before anything is written.
    QHash<QString, QByteArray> replacedFiles;
    // A parse of a replaced file's bytes where the caller has one (the proof of a fix's edit), so it is not parsed
    // again.
    QHash<QString, std::shared_ptr<const TomlTree>> replacedParses;
};

} // namespace Posture::Core

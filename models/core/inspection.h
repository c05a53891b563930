// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/codexlocations.h"
#include "core/config/codexreleases.h"
#include "core/config/effectiveconfig.h"
#include "core/config/projecttrust.h"
#include "core/fixes/fixes.h"
#include "core/rules/finding.h"
#include "core/sandbox/sandboxcapability.h"
#include "core/surfaces/cloudsurface.h"
#include "core/surfaces/codexbinaries.h"
#include "core/surfaces/idesurface.h"
#include "core/surfaces/localposture.h"

#include <QHash>
#include <QProcessEnvironment>

namespace Posture::Core {

// What to inspect: empty fields mean "as Codex would find it on this machine".
struct InspectOptions
{
    QString codexHome; // --codex-home
    QString home; // --home
    QString cwd; // --cwd: the directory Codex would be started in (default: the current one)
    QString profile; // --profile: the profile Codex would be started with
    QString systemRoot; // --system-root: a copied machine: /etc/codex/..., /proc, /sys, bwrap are read below it
    QString cloudFile; // --cloud: the declared cloud environments
    // --codex-version: the recorded Codex release whose rules judge both surfaces; empty: the release of the codex
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

// Whether Codex would start with this configuration, as `codex doctor` reports it.
enum class LoadStatus { Ok, Warning, Fail };

QString loadStatusName(LoadStatus status);

// Everything the engine found; the GUI and the headless reports both show this one result.
struct Inspection
{
    InspectOptions options;
    CodexLocations locations;
    ConfigLayers layers; // every layer Codex would look at, lowest precedence first, found or not
    ProjectTrust trust;
    EffectiveConfig config;
    LoadStatus loadStatus = LoadStatus::Ok;
    Diagnostics messages; // why Codex would warn or refuse, with file, line and column
    LocalPosture cli; // meaningful only when loadStatus is not Fail
    // The IDE extension reads the same layers but is started without a profile.
    LoadStatus ideLoadStatus = LoadStatus::Ok;
    LocalPosture ide;
    // Which Codex release's rules judged each surface, and why (CodexReleases).
    RulesChoice cliRules;
    RulesChoice ideRules;
    // Where the CLI's and the IDE's releases judge these files differently (both without a profile): what each says
    // that the other does not. Empty when both follow the same rules.
    Diagnostics cliOnlyMessages;
    Diagnostics ideOnlyMessages;
    IdeSurface ideSurface;
    CloudSurface cloud;
    QList<CodexBinary> binaries;
    SandboxCapability sandbox; // what the machine can enforce, and why
    Enforcement cliEnforcement; // the CLI's configured posture joined with the machine's capability
    Enforcement ideEnforcement;
    Findings findings; // every risk rule's findings and the baseline's drift, accepted ones marked; sorted
    QList<Fix> fixes; // the guided fixes for them (each finding's fixId names its fix)
    // Problems with the --baseline and --accept files: errors make them unusable (a report then exits 2).
    Diagnostics inputProblems;

    bool codexStarts() const { return loadStatus != LoadStatus::Fail; }
    bool ideStarts() const { return ideLoadStatus != LoadStatus::Fail; }
    // The user's config.toml (always among the layers).
    const ConfigDocument &userConfig() const;
    // The layer read from this file, or nullptr (a fact about the machine, the cloud file, ...).
    const ConfigLayer *layerWithFile(const QString &file) const;
    // The guided fix with this id (a finding's fixId), or nullptr.
    const Fix *fixWithId(const QString &id) const;
    SurfaceVerdict verdict(Surface surface) const { return SurfaceVerdict::of(findings, surface); }

    static Inspection run(const InspectOptions &options,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // Only what Codex makes of the configuration: layers, trust, merge, checks and the CLI and IDE postures. No
    // machine facts, probes, findings or fixes.
    static Inspection configurationOnly(const InspectOptions &options,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

} // namespace Posture::Core

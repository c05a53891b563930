// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/codexlocations.h"
#include "core/config/codexreleases.h"
#include "core/config/effectiveconfig.h"
#include "core/config/inspectoptions.h"
#include "core/config/projecttrust.h"
#include "core/sandbox/sandboxcapability.h"
#include "core/surfaces/cloudsurface.h"
#include "core/surfaces/codexbinaries.h"
#include "core/surfaces/idesurface.h"
#include "core/surfaces/localposture.h"

#include <QProcessEnvironment>

namespace Posture::Core {

// Whether Codex would start with this configuration, as `codex doctor` reports it.
enum class LoadStatus { Ok, Warning, Fail };

QString loadStatusName(LoadStatus status);

// The facts the risk rules read: what Codex makes of the configuration (layers, trust, merge, checks, the CLI's and
// the IDE's postures, by the rules of the release each surface runs) and what the machine enforces. The inspection
// (inspection.h) adds the findings and fixes judged from them.
struct InspectionFacts
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
    // Which Codex release's checks judged each surface, and why (CodexReleases).
    JudgingRelease cliRelease;
    JudgingRelease ideRelease;
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

    bool codexStarts() const { return loadStatus != LoadStatus::Fail; }
    bool ideStarts() const { return ideLoadStatus != LoadStatus::Fail; }
    // The user's config.toml (always among the layers).
    const ConfigDocument &userConfig() const;
    // The layer read from this file, or nullptr (a fact about the machine, the cloud file, ...).
    const ConfigLayer *layerWithFile(const QString &file) const;

    // Every fact: the codex binaries (their versions decide whose checks judge), the configuration, the cloud file,
    // the machine's sandbox and, when options.runPrograms, the fixed probes.
    static InspectionFacts gather(const InspectOptions &options,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // Only what Codex makes of the configuration: layers, trust, merge, checks and the CLI and IDE postures. No
    // machine facts or probes.
    static InspectionFacts configurationOnly(const InspectOptions &options,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

} // namespace Posture::Core

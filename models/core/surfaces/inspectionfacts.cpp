// SPDX-License-Identifier: Apache-2.0
#include "core/surfaces/inspectionfacts.h"

#include "core/common/systemroot.h"
#include "core/config/codexchecks.h"
#include "core/config/configschema.h"
#include "core/config/requirements.h"
#include "core/sandbox/sandboxremedies.h"

#include <QDir>
#include <QFileInfo>

namespace Posture::Core {

namespace {

ConfigLayer loadLayer(ConfigLayer::Kind kind, const QString &path, const InspectOptions &options)
{
    ConfigLayer layer;
    layer.kind = kind;
    const auto replaced = options.replacedFiles.constFind(path);
    layer.document = replaced == options.replacedFiles.cend()
        ? ConfigDocument::load(path)
        : ConfigDocument::fromBytes(*replaced, path, options.replacedParses.value(path));
    return layer;
}

// The project layers from the project root down to cwd; each is enabled only when its directory is trusted.
void addProjectLayers(
    ConfigLayers &layers, const ProjectTrust &trust, const QString &codexHome, const InspectOptions &options)
{
    for (const QString &directory : trust.projectDirectories()) {
        const QString dotCodex = directory + QStringLiteral("/.codex");
        if (!QFileInfo::exists(dotCodex + QStringLiteral("/config.toml")) || canonicalPath(dotCodex) == codexHome)
            continue;
        ConfigLayer layer = loadLayer(ConfigLayer::Kind::Project, dotCodex + QStringLiteral("/config.toml"), options);
        layer.enabled = trust.decisionFor(directory).level == ProjectTrust::Level::Trusted;
        if (!layer.enabled)
            layer.disabledReason = QStringLiteral("the project is not trusted: add [projects.\"%1\"] "
                                                  "trust_level = \"trusted\" to load its config")
                                       .arg(directory);
        layers.append(layer);
    }
}

Diagnostics onlySeverity(const Diagnostics &diagnostics, DiagnosticSeverity severity)
{
    Diagnostics kept;
    std::copy_if(diagnostics.cbegin(), diagnostics.cend(), std::back_inserter(kept),
        [severity](const Diagnostic &diagnostic) { return diagnostic.severity == severity; });
    return kept;
}

// Checks what Codex checks when it loads. Each layer: parse errors, unknown keys (Codex warns per file), and the
// rules beyond the schema. Types and values are checked on the merged result, as Codex does: a wrong value that a
// higher layer overrides does not stop Codex.
Diagnostics checkLayers(
    const ConfigLayers &layers, const EffectiveConfig &config, const QString &profile, const ConfigSchema &schema)
{
    Diagnostics messages;
    Diagnostics layerErrors;
    int contributing = 0;
    for (const ConfigLayer &layer : layers) {
        // Codex does not look inside a disabled (untrusted) project layer: errors there do not stop it.
        if (!layer.exists() || !layer.enabled)
            continue;
        if (const std::optional<Diagnostic> problem = layer.document.problem()) {
            messages.append(*problem);
            continue;
        }
        if (layer.kind == ConfigLayer::Kind::Requirements)
            continue; // constraints, not settings: Requirements reads them
        // Errors wait for the merge (below); warnings and notes stand as they are.
        for (const Diagnostic &message : schema.validate(layer.document))
            (message.severity == DiagnosticSeverity::Error ? layerErrors : messages).append(message);
        messages += CodexChecks::checkLayer(layer, profile);
        // A project layer loses its deny-listed keys in the merge, so its own errors may not be the merged ones.
        contributing += layer.document.root().isEmpty() ? 0 : (layer.kind == ConfigLayer::Kind::Project ? 2 : 1);
    }
    if (std::any_of(messages.cbegin(), messages.cend(),
            [](const Diagnostic &message) { return message.severity == DiagnosticSeverity::Error; }))
        return messages;
    if (contributing <= 1) {
        messages += layerErrors; // one file with values: its own errors are the merged result's
    } else {
        const auto locate = [&config](const KeyPath &path) { return config.location(path); };
        messages += onlySeverity(schema.validate(config.root(), locate), DiagnosticSeverity::Error);
    }
    messages += CodexChecks::checkEffective(config);
    return messages;
}

LoadStatus statusOf(const Diagnostics &messages)
{
    LoadStatus status = LoadStatus::Ok;
    for (const Diagnostic &message : messages) {
        if (message.severity == DiagnosticSeverity::Error)
            return LoadStatus::Fail;
        if (message.severity == DiagnosticSeverity::Warning)
            status = LoadStatus::Warning;
    }
    return status;
}

} // namespace

QString loadStatusName(LoadStatus status)
{
    switch (status) {
    case LoadStatus::Ok:
        return QStringLiteral("ok");
    case LoadStatus::Warning:
        return QStringLiteral("warning");
    case LoadStatus::Fail:
        return QStringLiteral("fail");
    }
    Q_UNREACHABLE_RETURN(QString());
}

const ConfigDocument &InspectionFacts::userConfig() const
{
    for (const ConfigLayer &layer : layers) {
        if (layer.kind == ConfigLayer::Kind::User)
            return layer.document;
    }
    Q_UNREACHABLE(); // run() always adds the user layer
}

const ConfigLayer *InspectionFacts::layerWithFile(const QString &file) const
{
    const auto layer = std::find_if(layers.cbegin(), layers.cend(),
        [&file](const ConfigLayer &candidate) { return candidate.document.path() == file; });
    return layer == layers.cend() ? nullptr : &*layer;
}

namespace {

// What Codex makes of its configuration with these options, by the rules of that release: layers, trust, merge,
// checks, posture.
void evaluateConfiguration(InspectionFacts &inspection, const InspectOptions &options,
    const QProcessEnvironment &environment, const QString &release)
{
    inspection.options = options;
    inspection.locations = CodexLocations::resolve(options.codexHome, options.home, environment, options.systemRoot);
    const QString codexHome = inspection.locations.codexHome;
    const QString etc = options.systemRoot + QStringLiteral("/etc/codex/");

    ConfigLayers &layers = inspection.layers;
    layers.append(loadLayer(ConfigLayer::Kind::System, etc + QStringLiteral("config.toml"), options));
    layers.append(loadLayer(ConfigLayer::Kind::User, inspection.locations.userConfigPath(), options));
    if (!options.profile.isEmpty())
        layers.append(
            loadLayer(ConfigLayer::Kind::Profile, codexHome + u'/' + options.profile + u".config.toml", options));

    // Trust and project root markers come from the layers below the projects.
    const EffectiveConfig base =
        EffectiveConfig::mergeOnly(layers, {QStringLiteral("projects"), QStringLiteral("project_root_markers")});
    inspection.trust = ProjectTrust::resolve(
        options.cwd.isEmpty() ? inspection.locations.defaultCwd(options.systemRoot) : options.cwd, base);
    addProjectLayers(layers, inspection.trust, canonicalPath(codexHome), options);
    layers.append(loadLayer(ConfigLayer::Kind::Requirements, etc + QStringLiteral("requirements.toml"), options));
    layers.append(loadLayer(ConfigLayer::Kind::Managed, etc + QStringLiteral("managed_config.toml"), options));
    const Requirements requirements = Requirements::from(layers);

    inspection.config = EffectiveConfig::merge(layers, CodexChecks::projectDeniedReason);
    inspection.messages =
        checkLayers(layers, inspection.config, options.profile, CodexReleases::known().schema(release))
        + requirements.diagnostics;
    for (const Diagnostic &message : std::as_const(inspection.messages)) {
        if (message.code == u"unknown-key")
            inspection.config.ignore(message.keyPath,
                message.hint.isEmpty() ? QStringLiteral("not a Codex setting")
                                       : QStringLiteral("not a Codex setting: ") + message.hint);
    }
    if (statusOf(inspection.messages) != LoadStatus::Fail) {
        inspection.cli = LocalPosture::evaluate(inspection.config, inspection.trust, requirements);
        inspection.messages += inspection.cli.diagnostics;
    }
    inspection.loadStatus = statusOf(inspection.messages);
}

// The messages of `a` that `b` does not have (by text and place).
Diagnostics messagesOnlyIn(const Diagnostics &a, const Diagnostics &b)
{
    Diagnostics only;
    for (const Diagnostic &message : a) {
        if (std::none_of(b.cbegin(), b.cend(), [&message](const Diagnostic &other) {
                return other.text == message.text && other.location.file == message.location.file
                    && other.location.line == message.location.line;
            }))
            only.append(message);
    }
    return only;
}

// The configuration as the CLI sees it, and the IDE extension's posture: the same layers without a profile, by the
// IDE's codex release's checks (evaluated again only when the profile or the release differs). Returns the inspection
// and the IDE's effective configuration.
std::pair<InspectionFacts, EffectiveConfig> configurationAndIde(const InspectOptions &options,
    const QProcessEnvironment &environment, const JudgingRelease &cliRelease, const JudgingRelease &ideRelease)
{
    InspectionFacts inspection;
    evaluateConfiguration(inspection, options, environment, cliRelease.release);
    inspection.cliRelease = cliRelease;
    inspection.ideRelease = ideRelease;
    const bool sameRules = CodexReleases::known().sameRules(cliRelease.release, ideRelease.release);
    if (options.profile.isEmpty() && sameRules) {
        inspection.ideLoadStatus = inspection.loadStatus;
        inspection.ide = inspection.cli;
        return {inspection, inspection.config};
    }
    InspectOptions withoutProfile = options;
    withoutProfile.profile.clear();
    InspectionFacts base;
    evaluateConfiguration(base, withoutProfile, environment, ideRelease.release);
    inspection.ideLoadStatus = base.loadStatus;
    inspection.ide = base.cli;
    if (!sameRules) {
        // The same files by the CLI's release, without the profile either: what differs is the releases' doing.
        InspectionFacts cliBase;
        if (options.profile.isEmpty())
            cliBase.messages = inspection.messages;
        else
            evaluateConfiguration(cliBase, withoutProfile, environment, cliRelease.release);
        inspection.cliOnlyMessages = messagesOnlyIn(cliBase.messages, base.messages);
        inspection.ideOnlyMessages = messagesOnlyIn(base.messages, cliBase.messages);
    }
    return {inspection, base.config};
}

// The verdict for one local surface: its configured posture joined with what the machine can enforce.
Enforcement enforcementFor(
    const SandboxCapability &capability, const LocalPosture &posture, bool starts, const EffectiveConfig &config)
{
    if (!starts)
        return {
            Enforcement::State::Unknown, QStringLiteral("Codex refuses this configuration, so it runs no command"), {}};
    if (posture.is(FilesystemAccess::Unrestricted) && posture.is(NetworkAccess::Enabled))
        return {Enforcement::State::NotEnforced,
            QStringLiteral("danger-full-access: the configuration asks for no sandbox"), {}};
    if (capability.facts.platform == HostPlatform::Linux
        && config.value({QStringLiteral("features"), QStringLiteral("use_legacy_landlock")}) == QVariant(true)) {
        const std::optional<Provenance> origin =
            config.provenance({QStringLiteral("features"), QStringLiteral("use_legacy_landlock")});
        return {Enforcement::State::NotEnforced,
            QStringLiteral("features.use_legacy_landlock = true: Codex refuses filesystem-restricted commands "
                           "without bubblewrap"),
            {SandboxRemedies::removeLegacyLandlock(origin ? origin->winner.location.file : QString())}};
    }
    if (capability.facts.platform == HostPlatform::Windows) {
        const QString sandbox = config.value({QStringLiteral("windows"), QStringLiteral("sandbox")}).toString();
        if (sandbox == u"unelevated")
            return {Enforcement::State::NotEnforced,
                QStringLiteral("the unelevated Windows sandbox cannot stop writes to folders that grant Everyone write "
                               "access, nor filter the network per identity"),
                {SandboxRemedies::useElevatedWindowsSandbox()}};
        if (sandbox == u"elevated")
            return {Enforcement::State::Unknown,
                QStringLiteral("the elevated Windows sandbox is configured; its one-time setup is not checked yet"),
                {}};
        return {Enforcement::State::Unknown, QStringLiteral("no [windows] sandbox is set: Codex asks on first use"),
            {SandboxRemedies::useElevatedWindowsSandbox()}};
    }
    return capability.machine;
}

// The rules each surface's codex follows: --codex-version's for both; otherwise the release of the first codex on
// PATH (or a standalone install) for the CLI and of an IDE extension's bundled codex for the IDE (the CLI's when no
// extension bundles one), or the newest recorded release when no version is known.
std::pair<JudgingRelease, JudgingRelease> chooseRules(const InspectOptions &options, const QList<CodexBinary> &binaries)
{
    const CodexReleases &releases = CodexReleases::known();
    if (QString error; !options.codexVersion.isEmpty()) {
        if (const std::optional<JudgingRelease> asked = releases.asked(options.codexVersion, &error))
            return {*asked, *asked};
    }
    const auto choiceFor = [&](bool ide) -> std::optional<JudgingRelease> {
        for (const CodexBinary &binary : binaries) {
            if (binary.bundledWithExtension() != ide)
                continue;
            const QString where = binary.source + QStringLiteral(": ") + binary.path;
            return releases.choose(binary.version,
                binary.version.isEmpty() ? QStringLiteral("%1, version not known: %2").arg(where, binary.error)
                                         : where);
        }
        return std::nullopt;
    };
    const JudgingRelease cli = choiceFor(false).value_or(releases.choose({}, QStringLiteral("no codex found")));
    return {cli, choiceFor(true).value_or(cli)};
}

} // namespace

InspectionFacts InspectionFacts::configurationOnly(
    const InspectOptions &options, const QProcessEnvironment &environment)
{
    const auto [cliRelease, ideRelease] = chooseRules(options, {});
    return configurationAndIde(options, environment, cliRelease, ideRelease).first;
}

InspectionFacts InspectionFacts::gather(const InspectOptions &options, const QProcessEnvironment &environment)
{
    // The codex binaries first: their versions decide whose checks judge the configuration.
    const CodexLocations locations =
        CodexLocations::resolve(options.codexHome, options.home, environment, options.systemRoot);
    const QString codexHome = locations.codexHome;
    const IdeSurface ideSurface = IdeSurface::discover(locations.home);
    const QString cwd = canonicalPath(options.cwd.isEmpty() ? locations.defaultCwd(options.systemRoot) : options.cwd);
    const SystemRoot root(options.systemRoot);
    // A copied machine is searched with the standard PATH below its root, and nothing found there is ever run.
    const QStringList searchPath = root.isLive()
        ? environment.value(QStringLiteral("PATH")).split(u':', Qt::SkipEmptyParts)
        : QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").split(u':');
    QStringList hostSearchPath;
    for (const QString &directory : searchPath)
        hostSearchPath.append(root.hostPath(directory));
    QList<CodexBinary> binaries = CodexBinaries::find(hostSearchPath.join(u':'), cwd, codexHome, ideSurface.extensions);
    const bool live = options.runPrograms && root.isLive();
    if (live)
        CodexBinaries::askVersions(binaries, options.probeTimeoutMs);
    else
        for (CodexBinary &binary : binaries)
            binary.error = root.isLive() ? QStringLiteral("not asked (--no-live-probe)")
                                         : QStringLiteral("not asked: nothing is run on a copied machine");
    const auto [cliRelease, ideRelease] = chooseRules(options, binaries);

    auto [inspection, ideConfig] = configurationAndIde(options, environment, cliRelease, ideRelease);
    inspection.ideSurface = ideSurface;
    inspection.binaries = binaries;
    inspection.cloud =
        options.cloudFile.isEmpty() ? CloudSurface::documentedDefaults() : CloudSurface::load(options.cloudFile);
    QStringList codexPaths;
    for (const CodexBinary &binary : std::as_const(inspection.binaries))
        codexPaths.append(binary.path);
    HostFacts facts = HostFacts::gather(root, searchPath, inspection.trust.cwd, codexPaths);
    LiveResults results;
    if (live) {
        LiveProbes::refineBubblewrap(facts, options.probeTimeoutMs);
        results = LiveProbes::run(facts, environment, options.probeTimeoutMs);
    }
    inspection.sandbox = SandboxCapability::judge(facts, results);
    inspection.cliEnforcement =
        enforcementFor(inspection.sandbox, inspection.cli, inspection.codexStarts(), inspection.config);
    inspection.ideEnforcement = enforcementFor(inspection.sandbox, inspection.ide, inspection.ideStarts(), ideConfig);
    // On Windows the extension can run Codex inside WSL instead: then WSL's Linux sandbox is what counts.
    const bool ideInWsl = std::any_of(
        inspection.ideSurface.editors.cbegin(), inspection.ideSurface.editors.cend(), [](const EditorSettings &editor) {
            return editor.codexSettings.value(QStringLiteral("chatgpt.runCodexInWindowsSubsystemForLinux")).toBool();
        });
    if (facts.platform == HostPlatform::Windows && ideInWsl
        && inspection.ideEnforcement.state != Enforcement::State::NotEnforced)
        inspection.ideEnforcement = {Enforcement::State::Unknown,
            QStringLiteral("the IDE extension runs Codex inside WSL (chatgpt.runCodexInWindowsSubsystemForLinux): run "
                           "codex-posture inside that WSL distribution to judge its sandbox"),
            {}};
    return inspection;
}

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
// The SARIF 2.1.0 log: one run, the catalogue as the driver's rules, the findings as results.
#include "core/report/sarif/sarifreport.h"

#include "core/common/secrets.h"
#include "core/common/version.h"
#include "core/inspection.h"
#include "core/report/redaction.h"
#include "core/report/reportparts.h"
#include "core/report/sarif/sarifparts.h"

#include <QDir>
#include <QJsonDocument>
#include <QUrl>

namespace Posture::Core {

namespace {

using namespace Qt::StringLiterals;

constexpr auto SchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"_L1;

// A directory results are relative to: %CODEX_HOME%, %PROJECT% (the project root) or %HOME%.
struct Base
{
    QString id;
    QString directory;
    QString description;
};

QList<Base> basesOf(const Inspection &inspection)
{
    QList<Base> bases;
    const auto add = [&bases](const QString &id, const QString &directory, const QString &description) {
        const QString clean = QDir::cleanPath(directory);
        if (!directory.isEmpty() && clean != u"/"_s)
            bases.append({id, clean, description});
    };
    add(u"CODEX_HOME"_s, inspection.locations.codexHome,
        u"The Codex home ("_s + inspection.locations.sourceDescription() + u')');
    add(u"PROJECT"_s, inspection.trust.projectRoot, u"The project root Codex would start in"_s);
    add(u"HOME"_s, inspection.locations.home, u"The home directory"_s);
    return bases;
}

// The most specific base that holds the file (the first of equals), or null.
const Base *baseOf(const QList<Base> &bases, const QString &file)
{
    const Base *best = nullptr;
    for (const Base &base : bases) {
        if (file.startsWith(base.directory + u'/') && (!best || base.directory.size() > best->directory.size()))
            best = &base;
    }
    return best;
}

// A file's location. Redacted, the path is redacted before it is percent-encoded: the redaction of the whole
// report afterwards would not recognise a user name in its encoded form ("zo%C3%AB").
QJsonObject artifactLocation(const QList<Base> &bases, const Redaction *redaction, const QString &file)
{
    const QString clean = QDir::cleanPath(file);
    const auto redacted = [redaction](const QString &path) { return redaction ? redaction->apply(path) : path; };
    if (const Base *base = baseOf(bases, clean)) {
        const QString relative = redacted(clean.mid(base->directory.size() + 1));
        return {{u"uri"_s, QString::fromLatin1(QUrl::toPercentEncoding(relative, "/"))}, {u"uriBaseId"_s, base->id}};
    }
    return {{u"uri"_s, QUrl::fromLocalFile(redacted(clean)).toString(QUrl::FullyEncoded)}};
}

// The finding id with the bases' directories written as %ID%: the same finding on another machine, or in another
// copy of a home, gets the same fingerprint.
QString portableId(const QList<Base> &bases, QString id)
{
    QList<Base> longestFirst = bases;
    std::stable_sort(longestFirst.begin(), longestFirst.end(),
        [](const Base &a, const Base &b) { return a.directory.size() > b.directory.size(); });
    for (const Base &base : std::as_const(longestFirst))
        id.replace(base.directory, u'%' + base.id + u'%');
    return id;
}

QJsonArray locations(const Inspection &inspection, const QList<Base> &bases, const Redaction *redaction,
    EvidenceSnippets &snippets, const Finding &finding)
{
    const Evidence &evidence = finding.evidence;
    if (evidence.file.isEmpty()) {
        // A fact about the machine or the cloud: no file holds it. GitHub code scanning rejects a whole log with a
        // result that has no physical location, so it is anchored, without a region, at the file where the posture
        // is configured: the --cloud file for a cloud finding, else the user's config.toml; the logical locations
        // name the surfaces it concerns, and properties.anchored says so.
        const bool cloud = finding.surfaces == Surfaces(Surface::Cloud) && !inspection.cloud.file.isEmpty();
        const QString anchor = cloud ? inspection.cloud.file : inspection.locations.userConfigPath();
        QJsonArray logical;
        for (const QString &surface : surfaceNames(finding.surfaces))
            logical.append(QJsonObject{{u"name"_s, surface}, {u"kind"_s, u"module"_s}});
        return {QJsonObject{
            {u"physicalLocation"_s, QJsonObject{{u"artifactLocation"_s, artifactLocation(bases, redaction, anchor)}}},
            {u"logicalLocations"_s, logical}}};
    }
    QJsonObject physical{{u"artifactLocation"_s, artifactLocation(bases, redaction, evidence.file)}};
    if (evidence.line > 0) {
        QJsonObject region{{u"startLine"_s, evidence.line}};
        if (evidence.column > 0)
            region.insert(u"startColumn"_s, evidence.column);
        const QString text = snippets.of(evidence);
        if (!text.isEmpty())
            region.insert(u"snippet"_s, QJsonObject{{u"text"_s, text}});
        physical.insert(u"region"_s, region);
    }
    QJsonObject location{{u"physicalLocation"_s, physical}};
    if (!evidence.keyPath.isEmpty())
        location.insert(u"logicalLocations"_s,
            QJsonArray{QJsonObject{{u"fullyQualifiedName"_s, evidence.keyPath}, {u"kind"_s, u"member"_s}}});
    return {location};
}

QJsonObject result(const Inspection &inspection, const QList<Base> &bases, const Redaction *redaction,
    EvidenceSnippets &snippets, const Finding &finding)
{
    const QString text = finding.title + u"\n\n"_s + Secrets::maskText(finding.explanation) + u"\n\nWhat to do: "_s
        + Secrets::maskText(finding.remediation);
    QJsonObject properties{{u"severity"_s, severityName(finding.severity)},
        {u"security-severity"_s, Sarif::securitySeverity(finding.severity)},
        {u"surfaces"_s, QJsonArray::fromStringList(surfaceNames(finding.surfaces))}, {u"findingId"_s, finding.id}};
    if (!finding.evidence.layer.isEmpty())
        properties.insert(u"layer"_s, finding.evidence.layer);
    if (!finding.evidence.value.isEmpty())
        properties.insert(u"value"_s, Secrets::maskText(finding.evidence.value));
    if (!finding.fixId.isEmpty())
        properties.insert(u"fixId"_s, finding.fixId);
    if (finding.evidence.file.isEmpty())
        properties.insert(u"anchored"_s, true); // the location is where the posture is configured, not the fact

    QJsonObject object{{u"ruleId"_s, finding.ruleId}, {u"level"_s, Sarif::level(finding.severity)},
        {u"kind"_s, u"fail"_s}, {u"message"_s, QJsonObject{{u"text"_s, text}}},
        {u"locations"_s, locations(inspection, bases, redaction, snippets, finding)},
        {u"partialFingerprints"_s, QJsonObject{{u"codexPostureFindingId/v1"_s, portableId(bases, finding.id)}}}};
    const int index = Sarif::ruleIndex(finding.ruleId);
    if (index >= 0)
        object.insert(u"ruleIndex"_s, index);
    for (const Fix &fix : inspection.fixes) {
        if (fix.findingId != finding.id)
            continue;
        const QJsonObject sarifFix =
            Sarif::fix(fix, [&](const QString &file) { return artifactLocation(bases, redaction, file); });
        if (!sarifFix.isEmpty())
            object.insert(u"fixes"_s, QJsonArray{sarifFix});
        else if (!fix.applicable())
            properties.insert(u"fixRefused"_s, fix.refusal);
    }
    if (finding.acceptance) {
        const Acceptance &acceptance = *finding.acceptance;
        if (acceptance.expired) {
            // It counts again: no suppression, but say that it was accepted until then.
            properties.insert(u"acceptanceExpired"_s, acceptance.expires.toString(Qt::ISODate));
        } else {
            object.insert(u"suppressions"_s,
                QJsonArray{QJsonObject{{u"kind"_s, u"external"_s}, {u"status"_s, u"accepted"_s},
                    {u"justification"_s, acceptance.reason},
                    {u"properties"_s,
                        QJsonObject{{u"owner"_s, acceptance.owner},
                            {u"expires"_s, acceptance.expires.toString(Qt::ISODate)}}}}});
        }
    }
    object.insert(u"properties"_s, properties);
    return object;
}

QString probeLevel(Capability::State state)
{
    switch (state) {
    case Capability::State::Problem:
        return u"error"_s;
    case Capability::State::Unknown:
        return u"warning"_s;
    case Capability::State::Ok:
    case Capability::State::Info:
        break;
    }
    return u"note"_s;
}

QJsonObject invocation(const Inspection &inspection, const QDateTime &generatedAt)
{
    // The sandbox probes: what the machine can enforce, as the tool found it while it ran.
    QJsonArray probes;
    for (const Capability &probe : inspection.sandbox.probes) {
        QString text = probe.evidence;
        if (!probe.remedy.isEmpty())
            text += u"\nRemedy: "_s + probe.remedy;
        probes.append(QJsonObject{{u"descriptor"_s, QJsonObject{{u"id"_s, probe.id}}},
            {u"level"_s, probeLevel(probe.state)}, {u"message"_s, QJsonObject{{u"text"_s, Secrets::maskText(text)}}},
            {u"properties"_s, QJsonObject{{u"state"_s, probe.stateName()}}}});
    }
    // Problems with the --baseline and --accept files: the tool's configuration.
    QJsonArray configuration;
    bool usable = true;
    for (const Diagnostic &problem : inspection.inputProblems) {
        usable = usable && problem.severity != DiagnosticSeverity::Error;
        configuration.append(
            QJsonObject{{u"level"_s, problem.severity == DiagnosticSeverity::Error ? u"error"_s : u"warning"_s},
                {u"message"_s, QJsonObject{{u"text"_s, Secrets::maskText(problem.toString())}}}});
    }
    QJsonObject object{{u"executionSuccessful"_s, usable}, {u"toolExecutionNotifications"_s, probes}};
    if (!configuration.isEmpty())
        object.insert(u"toolConfigurationNotifications"_s, configuration);
    if (generatedAt.isValid())
        object.insert(u"endTimeUtc"_s, generatedAt.toUTC().toString(Qt::ISODate));
    return object;
}

} // namespace

QByteArray renderSarifReport(const Inspection &inspection, const QDateTime &generatedAt, bool redact)
{
    const QList<Base> bases = basesOf(inspection);
    const std::optional<Redaction> redaction = redact ? std::optional(Redaction::of(inspection)) : std::nullopt;
    const Redaction *redacting = redaction ? &*redaction : nullptr;
    QJsonObject baseIds;
    for (const Base &base : bases) {
        QJsonObject location{{u"description"_s, QJsonObject{{u"text"_s, base.description}}}};
        if (!redact) // redacted, the consumer supplies the bases: a path with <home> is no URI
            location.insert(u"uri"_s, QUrl::fromLocalFile(base.directory + u'/').toString(QUrl::FullyEncoded));
        baseIds.insert(base.id, location);
    }
    QJsonArray results;
    EvidenceSnippets snippets(inspection);
    for (const Finding &finding : inspection.findings)
        results.append(result(inspection, bases, redacting, snippets, finding));
    const QJsonObject driver{
        {u"name"_s, u"codex-posture"_s}, {u"version"_s, toolVersion()}, {u"rules"_s, Sarif::rules()}};
    const QJsonObject run{{u"tool"_s, QJsonObject{{u"driver"_s, driver}}}, {u"originalUriBaseIds"_s, baseIds},
        {u"invocations"_s, QJsonArray{invocation(inspection, generatedAt)}}, {u"columnKind"_s, u"utf16CodeUnits"_s},
        {u"results"_s, results}, {u"properties"_s, QJsonObject{{u"codexRules"_s, judgingReleaseText(inspection)}}}};
    const QJsonObject log{{u"$schema"_s, QString(SchemaUri)}, {u"version"_s, u"2.1.0"_s}, {u"runs"_s, QJsonArray{run}}};
    return QJsonDocument(log).toJson(QJsonDocument::Indented);
}

} // namespace Posture::Core

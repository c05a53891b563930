// SPDX-License-Identifier: Apache-2.0
#include "core/report/json/jsoncapabilities.h"

#include "core/report/json/jsonreport.h"

#include <QJsonArray>

namespace Posture::Core {

namespace {

QJsonArray remediesJson(const QList<Remedy> &remedies)
{
    QJsonArray array;
    for (const Remedy &remedy : remedies)
        array.append(QJsonObject{{QStringLiteral("id"), remedy.id}, {QStringLiteral("text"), remedy.text},
            {QStringLiteral("commands"), stringOrNull(remedy.commands)}});
    return array;
}

QJsonObject processJson(const ProbeProcess &process)
{
    static constexpr const char *states[] = {"not-run", "finished", "timed-out", "failed-to-start"};
    return QJsonObject{{QStringLiteral("state"), QLatin1StringView(states[int(process.state)])},
        {QStringLiteral("command"),
            process.state == ProbeProcess::State::NotRun ? QJsonValue() : QJsonValue(process.commandLine())},
        {QStringLiteral("exit_status"),
            process.state == ProbeProcess::State::Finished ? QJsonValue(process.exitCode) : QJsonValue()},
        {QStringLiteral("stderr"), stringOrNull(process.errorOutput.trimmed().left(2000))},
        {QStringLiteral("why"), stringOrNull(process.why)}};
}

} // namespace

QJsonObject enforcementJson(const Enforcement &enforcement)
{
    return QJsonObject{{QStringLiteral("state"), enforcement.stateName()},
        {QStringLiteral("reason"), enforcement.reason},
        {QStringLiteral("remedies"), remediesJson(enforcement.remedies)}};
}

QJsonObject capabilitiesJson(const SandboxCapability &capability)
{
    const HostFacts &facts = capability.facts;
    const Bubblewrap &bwrap = facts.bwrap;
    QJsonArray probes;
    for (const Capability &probe : capability.probes)
        probes.append(QJsonObject{{QStringLiteral("id"), probe.id}, {QStringLiteral("state"), probe.stateName()},
            {QStringLiteral("evidence"), probe.evidence}, {QStringLiteral("remedy"), stringOrNull(probe.remedy)}});
    const LiveResults::Trial &trial = capability.live.codexSandbox;
    QJsonObject trialJson = processJson(trial.process);
    trialJson.insert(QStringLiteral("workspace"), stringOrNull(trial.workspace));
    trialJson.insert(QStringLiteral("outside"), stringOrNull(trial.outside));
    trialJson.insert(QStringLiteral("command_ran"), trial.commandRan);
    trialJson.insert(QStringLiteral("inside_written"), trial.insideWritten);
    trialJson.insert(QStringLiteral("outside_written"), trial.outsideWritten);
    QJsonObject object{{QStringLiteral("platform"), hostPlatformName(facts.platform)},
        {QStringLiteral("system_root"), stringOrNull(facts.root)},
        {QStringLiteral("codex"), stringOrNull(facts.codexPath)},
        {QStringLiteral("machine"), enforcementJson(capability.machine)}, {QStringLiteral("probes"), probes},
        {QStringLiteral("live"),
            QJsonObject{{QStringLiteral("bwrap_user_namespace"), processJson(capability.live.userNamespace)},
                {QStringLiteral("codex_sandbox"), trialJson}}}};
    if (facts.platform == HostPlatform::Linux) {
        object.insert(QStringLiteral("bubblewrap"),
            QJsonObject{{QStringLiteral("path"), stringOrNull(bwrap.path)},
                {QStringLiteral("source"), bwrap.sourceName()},
                {QStringLiteral("version"), stringOrNull(bwrap.version)},
                {QStringLiteral("version_text"), stringOrNull(bwrap.versionText)},
                {QStringLiteral("system_path"), stringOrNull(bwrap.systemPath)},
                {QStringLiteral("system_skipped"), stringOrNull(bwrap.systemSkipped)},
                {QStringLiteral("bundled"), QJsonArray::fromStringList(bwrap.bundledPaths)},
                {QStringLiteral("setuid"), bwrap.setuid}});
    }
    return object;
}

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
#include "fixrunner.h"

#include <QFile>
#include <QFileInfo>

namespace Posture::Tests {

QStringList applicableFixIds(const QString &caseDirectory)
{
    const FixtureHome fixture(caseDirectory);
    const Core::Inspection inspection = Core::Inspection::run(fixture.options(true), QProcessEnvironment());
    // Finding ids may name files of the copy: written with @BASE@ so that another copy finds them (a fix id cannot be
    // carried over: it may hash such a path).
    const QString base = QFileInfo(fixture.home()).absolutePath();
    QStringList ids;
    for (const Core::Fix &fix : inspection.fixes) {
        if (fix.applicable())
            ids.append(QString(fix.findingId).replace(base, QStringLiteral("@BASE@")));
    }
    return ids;
}

AppliedFixtureFix applyFixtureFix(const QString &caseDirectory, const QString &normalisedFindingId)
{
    AppliedFixtureFix result;
    result.home = std::make_unique<FixtureHome>(caseDirectory);
    const QString findingId =
        QString(normalisedFindingId).replace(QStringLiteral("@BASE@"), QFileInfo(result.home->home()).absolutePath());
    result.findingId = findingId;
    const Core::InspectOptions options = result.home->options(true);
    const Core::Inspection inspection = Core::Inspection::run(options, QProcessEnvironment());
    const auto fix = std::find_if(inspection.fixes.cbegin(), inspection.fixes.cend(),
        [&findingId](const Core::Fix &candidate) { return candidate.findingId == findingId; });
    if (fix == inspection.fixes.cend()) {
        result.outcome.message = QStringLiteral("no fix for %1 in the copy").arg(findingId);
        return result;
    }
    result.fixId = fix->id;
    result.file = fix->file;
    result.inspectionBefore = inspection;
    const Core::FixPreview preview = Core::FixApplier::preview(*fix);
    result.before = preview.before;
    result.outcome = Core::FixApplier::apply(
        preview, options, result.home->home() + QStringLiteral("/../codex-posture-journal.jsonl"));
    QFile file(fix->file);
    if (file.open(QIODevice::ReadOnly))
        result.after = file.readAll();
    result.inspectionAfter = Core::Inspection::run(options, QProcessEnvironment());
    return result;
}

int forEachAppliedFixtureFix(
    const std::function<void(const QString &where, const AppliedFixtureFix &)> &check, QStringList &failures)
{
    int applied = 0;
    for (const QString &directory : FixtureHome::caseDirectories()) {
        for (const QString &id : applicableFixIds(directory)) {
            const AppliedFixtureFix result = applyFixtureFix(directory, id);
            const QString where = FixtureHome::label(directory) + u' ' + id;
            if (!result.outcome.applied) {
                failures.append(where + QStringLiteral(": not applied: ") + result.outcome.message);
                continue;
            }
            ++applied;
            check(where, result);
        }
    }
    return applied;
}

QByteArrayList commentLines(const QByteArray &bytes)
{
    QByteArrayList comments;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.trimmed().startsWith('#'))
            comments.append(line.trimmed());
    }
    std::sort(comments.begin(), comments.end());
    return comments;
}

} // namespace Posture::Tests

// SPDX-License-Identifier: Apache-2.0
// The headless face of the guided fixes: everything it does is FixApplier's and FixPatch's; this only prints, writes
// the patch file and sets the status.
#include "fixcommand.h"

#include "core/common/systemroot.h"
#include "core/config/configbackups.h"
#include "core/fixes/fixapplier.h"
#include "core/fixes/fixpatch.h"
#include "core/inspection.h"
#include "inputproblems.h"

#include <cstdio>

namespace Posture::App {

namespace {

void say(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// What a preview will do: each fix it carries, the file, the diff or why not, and what else to do.
void show(const Core::FixPreview &preview)
{
    for (const Core::Fix &fix : preview.fixes.isEmpty() ? QList<Core::Fix>{preview.fix} : preview.fixes)
        say(stdout, QStringLiteral("\n%1: %2").arg(fix.id, fix.title));
    say(stdout, QStringLiteral("\n"));
    // A fix refused because a file the user cannot edit decides the value names no file of its own.
    if (!preview.fix.file.isEmpty())
        say(stdout, QStringLiteral("  file: %1 (%2)\n").arg(preview.fix.file, preview.fix.layer));
    if (preview.problem) {
        say(stdout, QStringLiteral("  not possible: %1\n").arg(preview.problem->text));
        return;
    }
    say(stdout, preview.diff);
    for (const Core::Fix &fix : preview.fixes) {
        if (!fix.note.isEmpty())
            say(stdout, QStringLiteral("  then: %1\n").arg(fix.note));
    }
}

// --patch FILE: one patch for a copy of the inspected home, written atomically and only readable by its owner (it
// holds the real bytes of the lines it changes, secrets included). No config file is written.
int writePatch(
    const QList<Core::FixPreview> &previews, const Core::Inspection &inspection, const QString &path, int failures)
{
    const QString base = inspection.locations.home;
    const Core::FixPatch::Patch patch = Core::FixPatch::make(previews, base);
    for (const QString &leftOut : patch.leftOut) {
        say(stdout, QStringLiteral("\nnot in the patch: %1\n").arg(leftOut));
        ++failures;
    }
    if (patch.text.isEmpty()) {
        say(stdout, QStringLiteral("\nNo patch written: no fix changes a file in %1.\n").arg(base));
        return failures == 0 ? 0 : 1;
    }
    if (const QString error = Core::FixPatch::save(patch, path); !error.isEmpty()) {
        say(stderr, QStringLiteral("codex-posture: %1\n").arg(error));
        return 2;
    }
    say(stdout,
        QStringLiteral("\nWrote the patch %1 (%2). No config file was written. In a copy of %3, apply it with "
                       "`git apply %1` or `patch -p1 < %1`.\n")
            .arg(path, patch.files.join(QStringLiteral(", ")), base));
    return failures == 0 ? 0 : 1;
}

} // namespace

int runFixCommand(const CommandLine &commandLine)
{
    const QString journal = Core::FixApplier::defaultJournalPath();
    if (commandLine.undo) {
        // An unusable --accept or --baseline stops everything, as it stops a report.
        if (reportInputProblems(inputFileProblems(commandLine.options)))
            return 2;
        const Core::FixOutcome outcome = Core::FixApplier::undoLast(journal, commandLine.options.systemRoot);
        say(outcome.applied ? stdout : stderr, QStringLiteral("codex-posture: %1\n").arg(outcome.message));
        return outcome.applied ? 0 : (outcome.inCopiedMachine ? 2 : 1);
    }
    const Core::InspectOptions &options = commandLine.options;
    const Core::Inspection inspection = Core::Inspection::run(options);
    if (reportInputProblems(inspection.inputProblems))
        return 2;
    QList<Core::Fix> chosen;
    for (const Core::Fix &fix : inspection.fixes) {
        if (commandLine.fix == u"all" || fix.id == commandLine.fix)
            chosen.append(fix);
    }
    if (chosen.isEmpty()) {
        QStringList known;
        for (const Core::Fix &fix : inspection.fixes)
            known.append(QStringLiteral("  %1  %2").arg(fix.id, fix.title));
        if (commandLine.fix == u"all") {
            say(stdout, QStringLiteral("codex-posture: no fix to apply: no finding has one.\n"));
            return 0;
        }
        say(stderr,
            QStringLiteral("codex-posture: no fix %1. Fixes for this machine:\n%2\n")
                .arg(commandLine.fix, known.isEmpty() ? QStringLiteral("  (none)") : known.join(u'\n')));
        return 2;
    }
    // One preview per file, all worked out on this one inspection: the fixes of a file go into one diff, one write
    // and one backup.
    const QList<Core::FixPreview> previews = Core::FixApplier::previewTogether(chosen, inspection);
    const bool write = commandLine.yes && !commandLine.dryRun;
    // A copied machine is evidence: refused before anything is shown or written, with the way to a patch.
    const Core::SystemRoot copy(options.systemRoot);
    for (const Core::FixPreview &preview : write ? previews : QList<Core::FixPreview>()) {
        if (const QString refusal = copy.writeRefusal(preview.fix.file, Core::SystemRoot::patchInstead());
            !refusal.isEmpty()) {
            say(stderr, QStringLiteral("codex-posture: %1\n").arg(refusal));
            return 2;
        }
    }
    int failures = 0;
    int shown = 0; // previews whose change was shown (and, with --yes, written)
    for (const Core::FixPreview &preview : previews) {
        show(preview);
        if (preview.problem) {
            ++failures;
            continue;
        }
        ++shown;
        if (!write)
            continue;
        const Core::FixOutcome outcome = Core::FixApplier::apply(preview, options, journal);
        say(stdout, QStringLiteral("  %1\n").arg(outcome.message));
        failures += outcome.applied ? 0 : 1;
    }
    if (!commandLine.patch.isEmpty())
        return writePatch(previews, inspection, commandLine.patch, failures);
    if (shown == 0)
        say(stdout, QStringLiteral("\nNothing was written: none of these fixes can be applied (see why above).\n"));
    else if (!write)
        say(stdout,
            QStringLiteral("\nNothing was written%1. Add --yes to write these fixes (a backup is kept next to "
                           "each file; --undo puts the last one back), or --patch FILE for a copy of this home.\n")
                .arg(commandLine.dryRun ? QStringLiteral(" (--dry-run)") : QString()));
    return failures == 0 ? 0 : 1;
}

int runRemoveBackups(const CommandLine &commandLine)
{
    const Core::Inspection inspection = Core::Inspection::run(commandLine.options);
    if (reportInputProblems(inspection.inputProblems))
        return 2;
    const QList<Core::ConfigBackups::Backup> backups = Core::ConfigBackups::besides(inspection.layers);
    if (backups.isEmpty()) {
        say(stdout, QStringLiteral("codex-posture: no backups of fixes next to the inspected configuration files.\n"));
        return 0;
    }
    for (const Core::ConfigBackups::Backup &backup : backups) {
        say(stdout,
            QStringLiteral("%1%2\n").arg(
                backup.path, backup.holdsSecret ? QStringLiteral("  (holds a secret)") : QString()));
    }
    if (!commandLine.yes) {
        say(stdout,
            QStringLiteral("Nothing was removed. Add --yes to remove these %1 backup(s); --undo cannot go back "
                           "past them afterwards.\n")
                .arg(backups.size()));
        return 0;
    }
    const Core::ConfigBackups::Removal removal = Core::ConfigBackups::remove(backups, commandLine.options.systemRoot);
    for (const QString &problem : removal.all())
        say(stderr, QStringLiteral("codex-posture: %1\n").arg(problem));
    if (!removal.refusal.isEmpty())
        return 2;
    say(stdout, QStringLiteral("Removed %1 backup(s).\n").arg(backups.size() - removal.problems.size()));
    return removal.problems.isEmpty() ? 0 : 1;
}

} // namespace Posture::App

// SPDX-License-Identifier: Apache-2.0
// The headless face of the guided fixes: everything it does is FixApplier's; this only prints and sets the status.
#include "fixcommand.h"

#include "core/fixes/fixapplier.h"
#include "core/inspection.h"

#include <cstdio>

namespace Posture::App {

namespace {

void say(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

const Core::Fix *findFix(const Core::Inspection &inspection, const QString &id)
{
    for (const Core::Fix &fix : inspection.fixes) {
        if (fix.id == id)
            return &fix;
    }
    return nullptr;
}

} // namespace

int runFixCommand(const CommandLine &commandLine)
{
    const QString journal = Core::FixApplier::defaultJournalPath();
    if (commandLine.undo) {
        const Core::FixOutcome outcome = Core::FixApplier::undoLast(journal);
        say(outcome.applied ? stdout : stderr, QStringLiteral("codex-posture: %1\n").arg(outcome.message));
        return outcome.applied ? 0 : 1;
    }
    Core::InspectOptions options = commandLine.options;
    const Core::Inspection inspection = Core::Inspection::run(options);
    for (const Core::Diagnostic &problem : inspection.inputProblems)
        say(stderr, QStringLiteral("codex-posture: %1\n").arg(problem.toString()));
    QStringList ids;
    for (const Core::Fix &fix : inspection.fixes) {
        if (commandLine.fix == u"all" || fix.id == commandLine.fix)
            ids.append(fix.id);
    }
    if (ids.isEmpty()) {
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
    const bool write = commandLine.yes && !commandLine.dryRun;
    int failures = 0;
    int shown = 0; // fixes whose change was shown (and, with --yes, written)
    for (const QString &id : std::as_const(ids)) {
        // Each fix is worked out on the file as the fixes before it left it.
        const Core::Inspection current = Core::Inspection::run(options);
        const Core::Fix *fix = findFix(current, id);
        if (!fix) {
            say(stdout, QStringLiteral("\n%1: no longer needed (an earlier fix dealt with it)\n").arg(id));
            continue;
        }
        const Core::FixPreview preview = Core::FixApplier::preview(*fix);
        // A fix refused because a file the user cannot edit decides the value names no file of its own.
        say(stdout, QStringLiteral("\n%1: %2\n").arg(fix->id, fix->title));
        if (!fix->file.isEmpty())
            say(stdout, QStringLiteral("  file: %1 (%2)\n").arg(fix->file, fix->layer));
        if (preview.problem) {
            say(stdout, QStringLiteral("  not possible: %1\n").arg(preview.problem->text));
            ++failures;
            continue;
        }
        say(stdout, preview.diff);
        ++shown;
        if (!fix->note.isEmpty())
            say(stdout, QStringLiteral("  then: %1\n").arg(fix->note));
        if (!write)
            continue;
        const Core::FixOutcome outcome = Core::FixApplier::apply(preview, options, journal);
        say(stdout, QStringLiteral("  %1\n").arg(outcome.message));
        failures += outcome.applied ? 0 : 1;
    }
    if (shown == 0)
        say(stdout, QStringLiteral("\nNothing was written: none of these fixes can be applied (see why above).\n"));
    else if (!write)
        say(stdout,
            QStringLiteral("\nNothing was written%1. Add --yes to write these fixes (a backup is kept next to "
                           "each file; --undo puts the last one back).\n")
                .arg(commandLine.dryRun ? QStringLiteral(" (--dry-run)") : QString()));
    return failures == 0 ? 0 : 1;
}

} // namespace Posture::App

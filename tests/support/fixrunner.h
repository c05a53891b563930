// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fixes/fixapplier.h"
#include "fixturehome.h"

#include <functional>

namespace Posture::Tests {

// One fix of a fixture home, applied to a fresh copy of the home.
struct AppliedFixtureFix
{
    QString fixId;
    QString findingId;
    QString file;
    QByteArray before;
    QByteArray after;
    Core::FixOutcome outcome;
    Core::Inspection inspectionBefore;
    Core::Inspection inspectionAfter;
    std::unique_ptr<FixtureHome> home; // the copy, kept for the oracle
};

// The finding ids of the fixes codex-posture offers as applicable for a fixture case; a copy's directory is written
// @BASE@.
QStringList applicableFixIds(const QString &caseDirectory);

// Copies the case afresh and applies the fix of that finding there (journal in the copy). The finding id as
// applicableFixIds gives it.
AppliedFixtureFix applyFixtureFix(const QString &caseDirectory, const QString &normalisedFindingId);

// Applies every fix offered on every fixture home, each to a fresh copy, and hands each applied one to check, which
// adds its failures ("where" names the case and the fix); a fix that could not be applied is a failure of its own.
// Returns how many fixes were applied.
int forEachAppliedFixtureFix(
    const std::function<void(const QString &where, const AppliedFixtureFix &)> &check, QStringList &failures);

// The comment lines (trimmed, sorted) of a TOML text.
QByteArrayList commentLines(const QByteArray &bytes);

} // namespace Posture::Tests

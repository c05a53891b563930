// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fixapplier.h"
#include "fixturehome.h"

namespace Posture::Tests {

// One fix of a fixture home, applied to a fresh copy of the home.
struct AppliedFixtureFix
{
    QString fixId;
    QString file;
    QByteArray before;
    QByteArray after;
    Core::FixOutcome outcome;
    Core::Inspection inspectionAfter;
    std::unique_ptr<FixtureHome> home; // the copy, kept for the oracle
};

// The ids of the fixes codex-posture offers as applicable for a fixture case; a copy's directory is written @BASE@.
QStringList applicableFixIds(const QString &caseDirectory);

// Copies the case afresh and applies the fix there (journal in the copy). fixId as applicableFixIds gives it.
AppliedFixtureFix applyFixtureFix(const QString &caseDirectory, const QString &normalisedFixId);

// The comment lines (trimmed, sorted) of a TOML text.
QByteArrayList commentLines(const QByteArray &bytes);

} // namespace Posture::Tests

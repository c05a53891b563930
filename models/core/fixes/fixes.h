// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/keypath.h"
#include "core/rules/finding.h"

#include <QVariant>

#include <memory>

namespace Posture::Core {

struct InspectionFacts;
struct TomlTree; // core/config/configdocumenttree.h

// One change to one key of one file.
struct FixOperation
{
    enum class Kind { Set, Remove };
    Kind kind = Kind::Set;
    KeyPath path;
    QVariant value; // for Set
};

// A guided fix for a finding: semantic operations on the one layer file that decides the value.
struct Fix
{
    QString id; // "fix:<finding id>", or "fix:<rule>:<8 hex digits>" when the finding's subject holds a path
    QString findingId;
    QString title; // what it does, in words
    QString file; // the layer file it edits (user config, profile file, trusted project's config)
    QString layer;
    QList<FixOperation> operations;
    QString note; // what else the user must do (set an environment variable, ...)
    QString refusal; // when not empty: why this fix is not offered as applicable (a higher layer decides, ...)
    // The inspection's parse of `file`: a preview edits by it while the file still holds those bytes (no parse of its
    // own); null when there is none.
    std::shared_ptr<const TomlTree> parsed;

    bool applicable() const { return refusal.isEmpty(); }
};

namespace Fixes {

// The fixes for the findings judged from these facts (at most one per finding), and each finding's fixId set.
QList<Fix> plan(const InspectionFacts &inspection, Findings &findings);

} // namespace Fixes

} // namespace Posture::Core

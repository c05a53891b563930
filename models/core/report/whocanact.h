// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/finding.h"

namespace Posture::Core {

struct Inspection;

// Who can change what a finding is about. A level the reader cannot change alarms without helping (the lesson of
// GNOME's Device Security panel): every finding says whether a guided fix resolves it, the user can by hand, or it
// takes an administrator, the organisation that manages the machine, or a setting of Codex cloud.
struct WhoCanAct
{
    enum class Actor {
        GuidedFix, // a guided fix resolves it (Fix… in the window, --fix in a terminal)
        You, // the user, by hand: a file of theirs, a permission, a program to pin
        Administrator, // root: a system file, a machine setting (AppArmor, sysctl, a package)
        Organisation, // a managed configuration or requirements file
        CloudSettings, // a cloud environment's settings in Codex on the web
    };

    Actor actor = Actor::You;
    QString text; // one sentence: who, and where

    // "one-click fix", "you", "needs an administrator", "managed by your organisation", "Codex cloud setting"
    QString word() const;
};

WhoCanAct whoCanAct(const Finding &finding, const Inspection &inspection);

} // namespace Posture::Core

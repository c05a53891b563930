// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "codexlocations.h"
#include "configdocument.h"

#include <QProcessEnvironment>

namespace Posture::Core {

// What to inspect: empty fields mean "as Codex would find it on this machine".
struct InspectOptions
{
    QString codexHome; // --codex-home
    QString home; // --home
};

// Everything the engine found; the GUI and the headless reports both show this one result.
struct Inspection
{
    CodexLocations locations;
    ConfigDocument userConfig;

    static Inspection run(const InspectOptions &options,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

} // namespace Posture::Core

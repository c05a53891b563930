// SPDX-License-Identifier: Apache-2.0
#include "inspection.h"

namespace Posture::Core {

Inspection Inspection::run(const InspectOptions &options, const QProcessEnvironment &environment)
{
    Inspection inspection;
    inspection.locations = CodexLocations::resolve(options.codexHome, options.home, environment);
    inspection.userConfig = ConfigDocument::load(inspection.locations.userConfigPath());
    return inspection;
}

} // namespace Posture::Core

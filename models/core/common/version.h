// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Posture::Core {

// The tool's version, from the CMake project version.
inline QString toolVersion()
{
    return QStringLiteral(POSTURE_VERSION);
}

} // namespace Posture::Core

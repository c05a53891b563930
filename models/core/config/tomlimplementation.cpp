// SPDX-License-Identifier: Apache-2.0
// toml++'s parser, compiled once into the core with TOML 1.1 switched on (see models/core/CMakeLists.txt and
// tomlpp.h): every other file includes toml++ with TOML_HEADER_ONLY=0 and gets its functions from here.
#define TOML_IMPLEMENTATION
#include "core/config/tomlpp.h"

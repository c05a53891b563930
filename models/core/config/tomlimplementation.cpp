// SPDX-License-Identifier: Apache-2.0
// toml++'s parser, compiled once into the core with TOML 1.1 switched on (see models/core/CMakeLists.txt): every other
// file includes toml++ with TOML_HEADER_ONLY=0 and gets its functions from here.
//
// toml++ states its preconditions as TOML_ASSERT_ASSUME: an assert in debug builds, an optimiser "assume" hint with
// NDEBUG. With TOML 1.1 on, its table-header parser breaks one (it calls parse_key() at a character that starts no key:
// `[` then a newline, `[.]`, toml-test's invalid/table/dot.toml) and parse_key() then reports the error itself. A false
// assumption is undefined behaviour, so here the checks are neither asserted nor assumed.
#undef NDEBUG
#define TOML_ASSERT(expr) static_cast<void>(0)
#define TOML_IMPLEMENTATION
#include <toml++/toml.hpp>

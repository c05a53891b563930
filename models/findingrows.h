// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/finding.h"
#include "posturemodel.h"

namespace Posture::Models {

// The rows of the posture table a finding is about: by its rule, and for the rules about any key (a value Codex
// ignores, a requirement, baseline drift) by the key or dimension it names. Many findings concern no row (a secret
// in a file, a file's mode): they are in the findings list only.
QList<PostureModel::Row> postureRowsOf(const Core::Finding &finding);

} // namespace Posture::Models

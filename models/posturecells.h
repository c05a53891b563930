// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "posturemodel.h"

namespace Posture::Models {

using PostureCellTable = PostureModel::Cell[PostureModel::RowCount][PostureModel::ColumnCount];

// Every cell of the posture table for this inspection: the CLI's and the IDE extension's values with the place that
// set each (the extension never takes a value from the profile layer: it is started without one), the cloud's
// declared or documented ones, and the findings that concern each cell, the worst that counts making its risk.
void fillPostureCells(PostureCellTable &cells, const Core::Inspection &inspection);

} // namespace Posture::Models

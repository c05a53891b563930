// SPDX-License-Identifier: Apache-2.0
// The sections of the HTML report (htmlreport.h), in the order the page shows them; one file per group.
#pragma once

#include <QString>

namespace Posture::Core {

struct Inspection;
class HtmlText;

namespace HtmlReport {

QString summary(const Inspection &inspection, const HtmlText &html); // htmlreport.cpp
QString verdicts(const Inspection &inspection, const HtmlText &html); // htmlreport.cpp
QString posture(const Inspection &inspection, const HtmlText &html); // htmlreport.cpp
QString findings(const Inspection &inspection, const HtmlText &html); // htmlfindings.cpp
QString layers(const Inspection &inspection, const HtmlText &html); // htmlsections.cpp
QString sandbox(const Inspection &inspection, const HtmlText &html); // htmlsections.cpp
QString acceptedAndBaseline(const Inspection &inspection, const HtmlText &html); // htmlsections.cpp
QString versions(const Inspection &inspection, const HtmlText &html); // htmlsections.cpp
QString filesInspected(const Inspection &inspection, const HtmlText &html); // htmlfiles.cpp

} // namespace HtmlReport

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/risklevel.h"

#include <QColor>
#include <QPalette>

class QStyleOptionViewItem;

namespace Posture::Views {

// The tint behind a risk and the text on it, computed from the palette the window is painted with, so that they
// follow light and dark (and a change of either while running). Hand-written because Qt's palette has no roles for
// "negative / neutral / positive" and KF6 ColorScheme, which has them, is not in the build root: each level's hue is
// blended into the palette's Base, and the text is the palette's Text, or black or white where that keeps more
// contrast. ok, info and unknown get no tint: only what needs attention stands out (the icon and word say the rest).
struct RiskColours
{
    QColor background; // invalid: no tint
    QColor foreground;
};

RiskColours riskColours(Core::RiskLevel level, const QPalette &palette);
// Green, for news that something got better (a fix applied): never a risk level's tint.
RiskColours positiveColours(const QPalette &palette);

// Gives an item view's cell of this level its tint and text colour, from the palette the view paints with (so they
// follow light and dark as they change); a selected cell keeps the selection's colours, its background made
// readable under the selection's text (readableHighlight).
void tintForRisk(QStyleOptionViewItem *option, Core::RiskLevel level);

// A selected cell's selection colour made readable under its text (readableHighlight); every delegate calls it.
void makeSelectionReadable(QStyleOptionViewItem *option);

// The selection colour, darker or lighter in its own hue until text on it keeps WCAG AA contrast (4.5:1).
QColor readableHighlight(const QColor &highlight, const QColor &text);

// base moved towards tint by share (0: base, 1: tint), channel by channel.
QColor blended(const QColor &base, const QColor &tint, double share);

// WCAG 2 contrast ratio of two colours (1 to 21); text needs 4.5 (AA).
double contrastRatio(const QColor &a, const QColor &b);

} // namespace Posture::Views

// SPDX-License-Identifier: Apache-2.0
#include "riskpalette.h"

#include <QStyle>
#include <QStyleOptionViewItem>

#include <cmath>

namespace Posture::Views {

namespace {

double relativeLuminance(const QColor &colour)
{
    const auto channel = [](double value) {
        return value <= 0.04045 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

// The hue of a level that stands out, or -1: red for critical and high, orange for medium, yellow for low.
int hueOf(Core::RiskLevel level)
{
    switch (level) {
    case Core::RiskLevel::Critical:
    case Core::RiskLevel::High:
        return 0;
    case Core::RiskLevel::Medium:
        return 30;
    case Core::RiskLevel::Low:
        return 55;
    case Core::RiskLevel::Ok:
    case Core::RiskLevel::Info:
    case Core::RiskLevel::Unknown:
        return -1;
    }
    return -1;
}

} // namespace

QColor blended(const QColor &base, const QColor &tint, double share)
{
    const QColor a = base.toRgb();
    const QColor b = tint.toRgb();
    return QColor::fromRgbF(float(a.redF() * (1 - share) + b.redF() * share),
        float(a.greenF() * (1 - share) + b.greenF() * share), float(a.blueF() * (1 - share) + b.blueF() * share));
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double lighter = std::max(relativeLuminance(a), relativeLuminance(b));
    const double darker = std::min(relativeLuminance(a), relativeLuminance(b));
    return (lighter + 0.05) / (darker + 0.05);
}

namespace {

// The hue at the palette's own lightness side: a pale tint on a light Base, a deep one on a dark Base, with the text
// colour (the palette's, else black or white) that keeps 4.5:1 on it.
RiskColours tinted(int hue, double strength, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = base.lightnessF() < 0.5;
    const QColor pure = QColor::fromHslF(float(hue) / 360.0f, 0.85f, dark ? 0.35f : 0.6f);
    for (double share = strength; share > 0.0; share -= 0.05) {
        const QColor background = blended(base, pure, share);
        for (const QColor &foreground : {text, QColor(Qt::black), QColor(Qt::white)}) {
            if (contrastRatio(foreground, background) >= 4.5)
                return {background, foreground};
        }
    }
    return {QColor(), text};
}

} // namespace

RiskColours riskColours(Core::RiskLevel level, const QPalette &palette)
{
    const int hue = hueOf(level);
    if (hue < 0)
        return {QColor(), palette.color(QPalette::Text)};
    return tinted(hue, level == Core::RiskLevel::Critical ? 0.45 : 0.3, palette); // critical a little stronger
}

RiskColours positiveColours(const QPalette &palette)
{
    return tinted(120, 0.3, palette);
}

QColor readableHighlight(const QColor &highlight, const QColor &text)
{
    // Breeze's selection blue under white text is 2.4:1: the selection's own hue, darker (under light text) or
    // lighter (under dark text), until the text reaches AA.
    QColor colour = highlight.toHsl();
    const bool lightText = contrastRatio(text, Qt::black) > contrastRatio(text, Qt::white);
    for (int step = 0; step < 64 && contrastRatio(text, colour) < 4.5; ++step)
        colour.setHsl(
            colour.hslHue(), colour.hslSaturation(), qBound(0, colour.lightness() + (lightText ? -4 : 4), 255));
    return colour.toRgb();
}

void makeSelectionReadable(QStyleOptionViewItem *option)
{
    if (!(option->state & QStyle::State_Selected))
        return;
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        option->palette.setColor(group, QPalette::Highlight,
            readableHighlight(option->palette.color(group, QPalette::Highlight),
                option->palette.color(group, QPalette::HighlightedText)));
    }
}

void tintForRisk(QStyleOptionViewItem *option, Core::RiskLevel level)
{
    if (option->state & QStyle::State_Selected) {
        makeSelectionReadable(option);
        return; // a selected cell keeps the selection's colours, made readable
    }
    const RiskColours colours = riskColours(level, option->palette);
    if (!colours.background.isValid())
        return;
    option->backgroundBrush = colours.background;
    option->palette.setColor(QPalette::Text, colours.foreground);
}

} // namespace Posture::Views

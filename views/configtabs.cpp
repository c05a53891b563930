// SPDX-License-Identifier: Apache-2.0
#include "configtabs.h"

#include "configview.h"
#include "core/common/secrets.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>

namespace Posture::Views {

namespace {

constexpr char FileProperty[] = "postureFile";

using Core::ConfigDocument;
using Core::ConfigLayer;

// "user", "profile ci", "project · app", "requirements": short enough for a tab; the tooltip has the path.
QString layerTabText(const ConfigLayer &layer)
{
    if (layer.kind == ConfigLayer::Kind::Project)
        return ConfigTabs::tr("project · %1")
            .arg(QFileInfo(QFileInfo(layer.document.path()).absolutePath()).absoluteDir().dirName());
    return layer.label();
}

QString layerTabToolTip(const ConfigLayer &layer)
{
    QString tip = QDir::toNativeSeparators(layer.document.path());
    if (!layer.enabled)
        tip += u'\n' + ConfigTabs::tr("Read but not applied: %1").arg(layer.disabledReason);
    return tip;
}

QWidget *unreadablePage(const ConfigLayer &layer, QWidget *parent)
{
    const Core::Diagnostic problem = *layer.document.problem();
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(24);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setText(ConfigTabs::tr("<h3>This file cannot be read</h3><p><code>%1</code> %2.</p><p>%3</p>")
            .arg(layer.document.path().toHtmlEscaped(), problem.text.toHtmlEscaped(), problem.hint.toHtmlEscaped()));
    label->setAccessibleName(ConfigTabs::tr("%1 cannot be read").arg(layer.document.path()));
    return label;
}

} // namespace

ConfigTabs::ConfigTabs(QWidget *parent)
    : QTabWidget(parent)
{
    setDocumentMode(true);
    setAccessibleName(tr("Configuration files, in the order Codex applies them"));
}

ConfigTabs::~ConfigTabs() = default;

QString ConfigTabs::fileAt(int index) const
{
    const QWidget *page = widget(index);
    return page ? page->property(FileProperty).toString() : QString();
}

ConfigView *ConfigTabs::viewOf(const QString &file) const
{
    for (int index = 0; index < count(); ++index) {
        if (fileAt(index) == file)
            return qobject_cast<ConfigView *>(widget(index));
    }
    return nullptr;
}

void ConfigTabs::setInspection(const Core::Inspection &inspection)
{
    const QString current = fileAt(currentIndex());
    // Each file's view is kept across rescans; views of files that are gone are dropped.
    QHash<QString, QWidget *> kept;
    while (count() > 0) {
        QWidget *page = widget(0);
        removeTab(0);
        if (qobject_cast<ConfigView *>(page))
            kept.insert(page->property(FileProperty).toString(), page);
        else
            page->deleteLater();
    }
    for (const ConfigLayer &layer : inspection.layers) {
        const ConfigDocument &document = layer.document;
        QWidget *page = nullptr;
        if (document.status() == ConfigDocument::Status::Missing)
            continue;
        if (document.status() == ConfigDocument::Status::Unreadable) {
            page = unreadablePage(layer, this);
        } else {
            auto *view = static_cast<ConfigView *>(kept.take(document.path()));
            if (!view)
                view = new ConfigView(this);
            view->setConfigText(Core::Secrets::maskConfigText(document.text())); // never a secret on screen
            const std::optional<Core::Diagnostic> problem = document.problem();
            view->setErrorLine(document.status() == ConfigDocument::Status::ParseError ? problem->location.line : 0,
                problem ? problem->text : QString());
            view->setAccessibleName(tr("%1, read-only").arg(layer.label()));
            page = view;
        }
        page->setProperty(FileProperty, document.path());
        const int index = addTab(page, layerTabText(layer));
        setTabToolTip(index, layerTabToolTip(layer));
    }
    qDeleteAll(kept);
    // Stay on the file that was shown; else the one Codex refuses, else the user's file.
    int shown = -1;
    for (int index = 0; index < count() && shown < 0; ++index) {
        if (fileAt(index) == current)
            shown = index;
    }
    for (int index = 0; index < count() && shown < 0; ++index) {
        const auto *view = qobject_cast<ConfigView *>(widget(index));
        if (view && view->errorLine() > 0)
            shown = index;
    }
    for (int index = 0; index < count() && shown < 0; ++index) {
        if (fileAt(index) == inspection.userConfig().path())
            shown = index;
    }
    if (shown >= 0)
        setCurrentIndex(shown);
}

bool ConfigTabs::showEvidence(const QString &file, int line, int column)
{
    ConfigView *view = file.isEmpty() ? nullptr : viewOf(file);
    if (!view)
        return false;
    setCurrentWidget(view);
    view->showEvidence(line, column);
    return true;
}

} // namespace Posture::Views

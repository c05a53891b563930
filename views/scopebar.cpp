// SPDX-License-Identifier: Apache-2.0
#include "scopebar.h"

#include "core/report/reportparts.h"

#include <QAction>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Posture::Views {

namespace {

// "~/.codex" for a path under the user's home, as people write it.
QString shortPath(const QString &path)
{
    const QString home = QDir::homePath();
    if (path == home || path.startsWith(home + u'/'))
        return QDir::toNativeSeparators(u'~' + path.mid(home.size()));
    return QDir::toNativeSeparators(path);
}

} // namespace

// One "name value" pair of the bar. A path may be longer than the bar: the value is elided in the middle (the
// tooltip and the accessible name have it whole) rather than push the other fields out. QLabel does not elide.
class ScopeField final : public QLabel
{
public:
    explicit ScopeField(QWidget *parent)
        : QLabel(parent)
    {
        setTextFormat(Qt::RichText);
        setTextInteractionFlags(Qt::TextSelectableByMouse);
        setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }

    void set(const QString &name, const QString &value)
    {
        m_name = name;
        m_value = value;
        setAccessibleName(name + u' ' + value);
        refresh();
    }
    QString plainText() const { return m_value.isEmpty() ? m_name : m_name + u' ' + m_value; }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        refresh();
    }

private:
    void refresh()
    {
        QFont bold = font();
        bold.setBold(true);
        const int room = width() - QFontMetrics(bold).horizontalAdvance(m_name + u' ') - 2 * margin() - 4;
        const QString value = fontMetrics().elidedText(m_value, Qt::ElideMiddle, qMax(room, 0));
        setText(QStringLiteral("<b>%1</b> %2").arg(m_name.toHtmlEscaped(), value.toHtmlEscaped()));
    }

    QString m_name;
    QString m_value;
};

ScopeBar::ScopeBar(const QList<QAction *> &actions, QWidget *parent)
    : QWidget(parent)
    , m_home(new ScopeField(this))
    , m_project(new ScopeField(this))
    , m_profile(new ScopeField(this))
    , m_rules(new ScopeField(this))
    , m_mode(new ScopeField(this))
{
    setAccessibleName(tr("What is inspected"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mode, 2);
    layout->addWidget(m_home, 3);
    layout->addWidget(m_project, 4);
    layout->addWidget(m_profile, 1);
    layout->addWidget(m_rules, 2);
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        layout->addWidget(button);
    }
}

ScopeBar::~ScopeBar() = default;

void ScopeBar::setInspection(const Core::Inspection &inspection, bool sample)
{
    const Core::InspectOptions &options = inspection.options;
    if (sample)
        m_mode->set(tr("Sample (read-only):"), shortPath(options.systemRoot));
    else
        m_mode->set(tr("This machine"), QString());
    m_mode->setToolTip(sample ? tr("A copied machine at %1: nothing is run there and nothing is written to it")
                                    .arg(QDir::toNativeSeparators(options.systemRoot))
                              : tr("The machine codex-posture runs on"));
    m_home->set(tr("Codex home:"), shortPath(inspection.locations.codexHome));
    m_home->setToolTip(tr("%1, chosen by %2")
            .arg(QDir::toNativeSeparators(inspection.locations.codexHome), inspection.locations.sourceDescription()));
    const Core::ProjectTrust &trust = inspection.trust;
    m_project->set(tr("Project:"),
        tr("%1 (%2)").arg(shortPath(trust.cwd),
            trust.decision.level == Core::ProjectTrust::Level::Unknown
                ? tr("no trust setting")
                : Core::ProjectTrust::levelName(trust.decision.level)));
    m_project->setToolTip(
        tr("%1: the folder Codex would start in, and its trust").arg(QDir::toNativeSeparators(trust.cwd)));
    m_profile->set(tr("Profile:"), options.profile.isEmpty() ? tr("none") : options.profile);
    // Whose rules judged the files: the release of the codex each surface runs (Help ▸ Codex Releases… says more).
    const QString cli = inspection.cliRelease.release;
    const QString ide = inspection.ideRelease.release;
    m_rules->set(tr("Judged as Codex:"), cli == ide ? cli : tr("CLI %1 · IDE %2").arg(cli, ide));
    m_rules->setToolTip(Core::judgingReleaseText(inspection));
    setAccessibleDescription(text());
}

QString ScopeBar::text() const
{
    QStringList lines;
    for (const ScopeField *field : {m_mode, m_home, m_project, m_profile, m_rules})
        lines.append(field->plainText());
    return lines.join(u'\n');
}

} // namespace Posture::Views

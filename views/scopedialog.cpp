// SPDX-License-Identifier: Apache-2.0
#include "scopedialog.h"

#include "inspectionsession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace Posture::Views {

namespace {

constexpr int RecentCount = 8;
constexpr char WorkingRule[] = "working-rule";

QLineEdit *pathField(const QString &value, const QString &placeholder, QWidget *parent)
{
    auto *field = new QLineEdit(QDir::toNativeSeparators(value), parent);
    field->setPlaceholderText(placeholder);
    field->setClearButtonEnabled(true);
    return field;
}

QString pathOf(const QLineEdit *field)
{
    const QString text = field->text().trimmed();
    return text.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(text));
}

} // namespace

ScopeDialog::ScopeDialog(const Core::InspectOptions &scope, QWidget *parent)
    : QDialog(parent)
    , m_original(scope)
    , m_codexHome(pathField(scope.codexHome, tr("as Codex finds it ($CODEX_HOME, else ~/.codex)"), this))
    , m_project(pathField(scope.cwd, tr("the current folder"), this))
    , m_profile(new QComboBox(this))
    , m_systemRoot(pathField(scope.systemRoot, tr("this machine"), this))
    , m_cloud(pathField(scope.cloudFile, tr("Codex's documented defaults"), this))
    , m_workingRule(new QCheckBox(tr("The &working rule shipped with codex-posture"), this))
    , m_baseline(pathField(
          scope.baselineFile == QLatin1StringView(WorkingRule) ? QString() : scope.baselineFile, tr("none"), this))
    , m_accept(pathField(scope.acceptFile, tr("none"), this))
{
    setWindowTitle(tr("Inspect"));
    m_profile->setEditable(true);
    m_profile->lineEdit()->setPlaceholderText(tr("none"));
    m_profile->lineEdit()->setClearButtonEnabled(true);
    listProfiles();
    m_profile->setCurrentText(scope.profile);
    connect(m_codexHome, &QLineEdit::editingFinished, this, &ScopeDialog::listProfiles);
    m_workingRule->setChecked(scope.baselineFile == QLatin1StringView(WorkingRule));
    connect(m_workingRule, &QCheckBox::toggled, m_baseline, &QWidget::setDisabled);
    m_baseline->setDisabled(m_workingRule->isChecked());

    auto *form = new QFormLayout;
    form->addRow(tr("Codex &home:"), pathRow(m_codexHome, true, tr("Codex Home")));
    form->addRow(tr("&Project folder:"), pathRow(m_project, true, tr("Project Folder")));
    form->addRow(tr("P&rofile:"), m_profile);
    form->addRow(tr("Copied &machine:"), pathRow(m_systemRoot, true, tr("Root of a Copied Machine")));
    form->addRow(tr("&Cloud environments:"), pathRow(m_cloud, false, tr("Declared Cloud Environments")));
    form->addRow(tr("&Baseline:"), m_workingRule);
    form->addRow(QString(), pathRow(m_baseline, false, tr("Baseline File")));
    form->addRow(tr("&Accepted risks:"), pathRow(m_accept, false, tr("Accepted-Risks File")));
    auto *note = new QLabel(tr("A copied machine is read-only: nothing is run there and nothing is written to it. "
                               "Empty fields mean \"as Codex would find it on this machine\"."),
        this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Inspect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());
}

ScopeDialog::~ScopeDialog() = default;

QWidget *ScopeDialog::pathRow(QLineEdit *field, bool directory, const QString &caption)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(tr("Browse…"), row);
    browse->setAccessibleName(tr("Browse for the %1").arg(caption));
    layout->addWidget(field, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, field, directory, caption] {
        const QString start = pathOf(field).isEmpty() ? QDir::homePath() : pathOf(field);
        const QString chosen = directory ? QFileDialog::getExistingDirectory(this, caption, start)
                                         : QFileDialog::getOpenFileName(this, caption, start);
        if (!chosen.isEmpty()) {
            field->setText(QDir::toNativeSeparators(chosen));
            Q_EMIT field->editingFinished();
        }
    });
    return row;
}

void ScopeDialog::listProfiles()
{
    // The profile files of the Codex home (<name>.config.toml) to choose from; any other name can be typed.
    const QString current = m_profile->currentText();
    const QString home = pathOf(m_codexHome).isEmpty()
        ? qEnvironmentVariable("CODEX_HOME", QDir::homePath() + u"/.codex")
        : pathOf(m_codexHome);
    m_profile->clear();
    m_profile->addItem(QString());
    const QStringList files = QDir(home).entryList({QStringLiteral("*.config.toml")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        m_profile->addItem(file.chopped(int(sizeof(".config.toml")) - 1));
    m_profile->setCurrentText(current);
}

Core::InspectOptions ScopeDialog::scope() const
{
    Core::InspectOptions scope = m_original;
    scope.codexHome = pathOf(m_codexHome);
    scope.home.clear(); // the Codex home field says where the configuration is
    scope.cwd = pathOf(m_project);
    scope.profile = m_profile->currentText().trimmed();
    scope.systemRoot = pathOf(m_systemRoot);
    scope.cloudFile = pathOf(m_cloud);
    scope.baselineFile = m_workingRule->isChecked() ? QString::fromLatin1(WorkingRule) : pathOf(m_baseline);
    scope.acceptFile = pathOf(m_accept);
    return scope;
}

namespace RecentScopes {

namespace {

QVariantMap toMap(const Core::InspectOptions &scope)
{
    return {{QStringLiteral("codexHome"), scope.codexHome}, {QStringLiteral("home"), scope.home},
        {QStringLiteral("cwd"), scope.cwd}, {QStringLiteral("profile"), scope.profile},
        {QStringLiteral("systemRoot"), scope.systemRoot}, {QStringLiteral("cloud"), scope.cloudFile},
        {QStringLiteral("baseline"), scope.baselineFile}, {QStringLiteral("accept"), scope.acceptFile}};
}

Core::InspectOptions fromMap(const QVariantMap &map)
{
    Core::InspectOptions scope;
    scope.codexHome = map.value(QStringLiteral("codexHome")).toString();
    scope.home = map.value(QStringLiteral("home")).toString();
    scope.cwd = map.value(QStringLiteral("cwd")).toString();
    scope.profile = map.value(QStringLiteral("profile")).toString();
    scope.systemRoot = map.value(QStringLiteral("systemRoot")).toString();
    scope.cloudFile = map.value(QStringLiteral("cloud")).toString();
    scope.baselineFile = map.value(QStringLiteral("baseline")).toString();
    scope.acceptFile = map.value(QStringLiteral("accept")).toString();
    return scope;
}

} // namespace

QList<Core::InspectOptions> load()
{
    QList<Core::InspectOptions> scopes;
    const QVariantList stored = QSettings().value(QStringLiteral("recent")).toList();
    for (const QVariant &entry : stored)
        scopes.append(fromMap(entry.toMap()));
    return scopes;
}

void remember(const Core::InspectOptions &scope)
{
    QVariantList stored = QSettings().value(QStringLiteral("recent")).toList();
    const QVariantMap entry = toMap(scope);
    stored.removeAll(entry);
    stored.prepend(entry);
    while (stored.size() > RecentCount)
        stored.removeLast();
    QSettings().setValue(QStringLiteral("recent"), stored);
}

QString describe(const Core::InspectOptions &scope)
{
    QStringList parts;
    const QString home = !scope.codexHome.isEmpty() ? scope.codexHome
        : !scope.home.isEmpty()                     ? scope.home + QStringLiteral("/.codex")
                                                    : ScopeDialog::tr("the default Codex home");
    parts.append(QDir::toNativeSeparators(home));
    if (!scope.cwd.isEmpty())
        parts.append(ScopeDialog::tr("project %1").arg(QDir::toNativeSeparators(scope.cwd)));
    if (!scope.profile.isEmpty())
        parts.append(ScopeDialog::tr("profile %1").arg(scope.profile));
    if (!scope.systemRoot.isEmpty())
        parts.append(ScopeDialog::tr("sample of %1").arg(QDir::toNativeSeparators(scope.systemRoot)));
    if (!scope.baselineFile.isEmpty())
        parts.append(ScopeDialog::tr("baseline %1").arg(QDir::toNativeSeparators(scope.baselineFile)));
    if (!scope.acceptFile.isEmpty())
        parts.append(ScopeDialog::tr("accepted %1").arg(QDir::toNativeSeparators(scope.acceptFile)));
    return parts.join(QStringLiteral(" · "));
}

QString rememberedAcceptFile()
{
    return Models::InspectionSession::rememberedAcceptFile();
}

void rememberAcceptFile(const QString &path)
{
    Models::InspectionSession::rememberAcceptFile(path);
}

} // namespace RecentScopes

} // namespace Posture::Views

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace Posture::Views {

// What to inspect, as the command line's --codex-home, --cwd, --profile, --system-root, --cloud, --baseline and
// --accept say it: each a field, the paths with a Browse… button. Empty fields mean "as Codex would find it".
class ScopeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScopeDialog)

public:
    ScopeDialog(const Core::InspectOptions &scope, QWidget *parent = nullptr);
    ~ScopeDialog() override;

    // The scope the fields describe (live probes as before; never on a copied machine).
    Core::InspectOptions scope() const;
    QLineEdit *codexHomeField() const { return m_codexHome; }
    QLineEdit *projectField() const { return m_project; }
    QComboBox *profileField() const { return m_profile; }
    QLineEdit *systemRootField() const { return m_systemRoot; }
    QLineEdit *acceptField() const { return m_accept; }

private:
    QWidget *pathRow(QLineEdit *field, bool directory, const QString &caption);
    void listProfiles();

    Core::InspectOptions m_original;
    QLineEdit *m_codexHome;
    QLineEdit *m_project;
    QComboBox *m_profile;
    QLineEdit *m_systemRoot;
    QLineEdit *m_cloud;
    QCheckBox *m_workingRule;
    QLineEdit *m_baseline;
    QLineEdit *m_accept;
};

// The scopes opened before, newest first, kept in QSettings ("recent"); at most eight.
namespace RecentScopes {
QList<Core::InspectOptions> load();
void remember(const Core::InspectOptions &scope);
// "~/.codex · project /src/app · profile ci · sample of /mnt/copy": one line for a menu.
QString describe(const Core::InspectOptions &scope);
// The accepted-risks file the window last wrote, else <the user's config directory>/accepted-risks.toml.
QString rememberedAcceptFile();
void rememberAcceptFile(const QString &path);
} // namespace RecentScopes

} // namespace Posture::Views

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/diagnostic.h"
#include "core/rules/finding.h"

namespace Posture::Core {

class ConfigDocument;

// Findings someone decided to live with, for a while. A TOML file (README, "Accepted risks"):
//
//   [[accept]]
//   id = "approval-never:approval_policy"   # a finding id, as the reports print it
//   reason = "CI runner, disposable VM"
//   owner = "alice@example.com"
//   expires = 2027-03-31                    # a TOML date; on and after it the finding counts again
class AcceptedRisks
{
public:
    struct Entry
    {
        QString id;
        Acceptance acceptance;
        SourceLocation location;
    };

    QString file() const { return m_file; }
    const QList<Entry> &entries() const { return m_entries; }

    static AcceptedRisks load(const QString &path, Diagnostics &problems);
    // The same for a document already read (bytes a change would write, for instance).
    static AcceptedRisks fromDocument(const ConfigDocument &document, Diagnostics &problems);
    // One [[accept]] entry as TOML text, every string quoted and escaped, ending in a newline.
    static QString entryText(const QString &id, const Acceptance &acceptance);

    // Marks the findings named here as accepted (or expired, when today is on or after the expiry). Entries that name
    // no finding become warnings: a typo must not look like an accepted risk.
    void apply(Findings &findings, const QDate &today, Diagnostics &warnings) const;

private:
    QString m_file;
    QList<Entry> m_entries;
};

} // namespace Posture::Core

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Posture::Core {

struct Inspection;

// --redact: a report shared outside the organisation names no person or machine. The home directory becomes
// <home>, the user name <user> and the host name <host>, wherever they stand whole (paths, trust entries,
// evidence; "al" is not replaced inside "always"), longest first so that a home containing the user name is
// replaced whole. Secrets are masked by every format anyway, redaction or not.
class Redaction
{
public:
    // What to replace for this inspection: its home (and the process's), the user name, the host name.
    static Redaction of(const Inspection &inspection);
    // The same with these values (tests: a fixture user "zoë" on a fixed host).
    static Redaction of(const QString &home, const QString &user, const QString &host);

    QByteArray apply(const QByteArray &text) const;
    QString apply(const QString &text) const;

private:
    QList<std::pair<QString, QString>> m_replacements; // value → placeholder, longest value first
};

} // namespace Posture::Core

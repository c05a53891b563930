// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "verdict.h"

#include <QRandomGenerator>

namespace Posture::Tests {

// Writes Codex homes that combine security keys, values, layers (user, profile file, trusted and untrusted project)
// and TOML syntax forms (dotted keys, inline tables, quoted keys, literal strings, CRLF, BOM, comments, keys after
// a table header). The same seed writes the same homes.
class HomeGenerator
{
public:
    explicit HomeGenerator(quint32 seed);

    // Writes one home into the empty directory root and returns the case; description says what it holds.
    CodexCase generate(const QString &root, QString *description);

private:
    struct Assignment
    {
        QStringList path;
        QString literal; // the value as TOML text, e.g. "\"never\"" or "true"
    };

    bool chance(int percent) { return int(m_random.bounded(100)) < percent; }
    template <typename T> const T &pick(const QList<T> &choices)
    {
        return choices.at(qsizetype(m_random.bounded(quint32(choices.size()))));
    }
    QString string(const QString &text);
    QList<Assignment> userAssignments();
    QList<Assignment> profileAssignments();
    QList<Assignment> projectAssignments();
    QByteArray render(const QList<Assignment> &assignments, QString *style);

    QRandomGenerator m_random;
};

} // namespace Posture::Tests

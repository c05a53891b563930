// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Posture::Core {

// A place in a file. Line and column are 1-based; 0 means "not known".
struct SourceLocation
{
    QString file;
    int line = 0;
    int column = 0;

    // "file:line:column", leaving out the parts that are not known.
    QString toString() const;
    // The same with the file's name only: "config.toml:3:5".
    QString toShortString() const;
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

enum class DiagnosticSeverity { Info, Warning, Error };

// The word for a severity ("error", "warning", "info"): never colour alone.
QString severityWord(DiagnosticSeverity severity);

// Something to tell the user about a file: where, what is wrong and what to do about it.
struct Diagnostic
{
    DiagnosticSeverity severity = DiagnosticSeverity::Error;
    SourceLocation location;
    QString text;
    QString hint;
    QString code; // what kind of problem, for programs: "unknown-key", "invalid-value", ... (may be empty)
    QStringList keyPath; // the key concerned, when there is one

    // "file:line:column: error: text"
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

} // namespace Posture::Core

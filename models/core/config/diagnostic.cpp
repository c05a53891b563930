// SPDX-License-Identifier: Apache-2.0
#include "core/config/diagnostic.h"

#include <QFileInfo>

namespace Posture::Core {

QString SourceLocation::toString() const
{
    QString result = file;
    if (line > 0) {
        result += u':' + QString::number(line);
        if (column > 0)
            result += u':' + QString::number(column);
    }
    return result;
}

QString SourceLocation::toShortString() const
{
    SourceLocation shown = *this;
    shown.file = QFileInfo(file).fileName();
    return shown.toString();
}

QString severityWord(DiagnosticSeverity severity)
{
    switch (severity) {
    case DiagnosticSeverity::Info:
        return QStringLiteral("info");
    case DiagnosticSeverity::Warning:
        return QStringLiteral("warning");
    case DiagnosticSeverity::Error:
        return QStringLiteral("error");
    }
    Q_UNREACHABLE_RETURN(QString());
}

QString Diagnostic::toString() const
{
    return location.toString() + u": " + severityWord(severity) + u": " + text;
}

} // namespace Posture::Core

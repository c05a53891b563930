// SPDX-License-Identifier: Apache-2.0
#include "core/report/redaction.h"

#include "core/inspection.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSysInfo>

namespace Posture::Core {

Redaction Redaction::of(const Inspection &inspection)
{
    const QString home = inspection.locations.home.isEmpty() ? QDir::homePath() : inspection.locations.home;
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    if (user.isEmpty())
        user = QFileInfo(home).fileName();
    Redaction redaction = of(home, user, QSysInfo::machineHostName());
    // The process's own home too, when the inspected one is another (a sample on the reviewer's machine).
    if (QDir::homePath() != home && QDir::homePath().size() > 1)
        redaction.m_replacements.prepend({QDir::homePath(), QStringLiteral("<home>")});
    return redaction;
}

Redaction Redaction::of(const QString &home, const QString &user, const QString &host)
{
    Redaction redaction;
    const auto add = [&redaction](const QString &value, const QString &placeholder, qsizetype shortest) {
        if (value.size() >= shortest)
            redaction.m_replacements.append({value, placeholder});
    };
    add(QDir::cleanPath(home), QStringLiteral("<home>"), 2); // not "/"
    add(user, QStringLiteral("<user>"), 2); // a one-letter name would eat every such letter
    add(host, QStringLiteral("<host>"), 2);
    std::stable_sort(redaction.m_replacements.begin(), redaction.m_replacements.end(),
        [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    return redaction;
}

QString Redaction::apply(const QString &text) const
{
    if (m_replacements.isEmpty())
        return text;
    // One pass over the text with every name at once (longest first), so that a placeholder already written is
    // never rewritten by a later name (a user named "home" must not turn "<home>" into "<<user>>"). Whole names
    // only: a user "al" must not turn "always" into "<user>ways".
    QStringList alternatives;
    for (const auto &replacement : m_replacements)
        alternatives.append(QRegularExpression::escape(replacement.first));
    const QRegularExpression names(QStringLiteral("(?<![\\w.-])(?:%1)(?![\\w-])").arg(alternatives.join(u'|')),
        QRegularExpression::UseUnicodePropertiesOption);
    QString result;
    qsizetype done = 0;
    for (QRegularExpressionMatchIterator it = names.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const auto replacement = std::find_if(m_replacements.cbegin(), m_replacements.cend(),
            [&match](const auto &candidate) { return candidate.first == match.captured(); });
        result += QStringView(text).mid(done, match.capturedStart() - done);
        result += replacement->second;
        done = match.capturedEnd();
    }
    result += QStringView(text).mid(done);
    return result;
}

QByteArray Redaction::apply(const QByteArray &text) const
{
    return apply(QString::fromUtf8(text)).toUtf8();
}

} // namespace Posture::Core

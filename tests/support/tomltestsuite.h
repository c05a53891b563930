// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFile>
#include <QStringList>

namespace Posture::Tests {

// The vendored TOML conformance suite (tests/data/toml-test/tests).
inline QString tomlTestSuite()
{
    return QStringLiteral(POSTURE_TEST_DATA_DIR "/toml-test/tests");
}

// The cases the suite lists for a TOML version ("1.0.0", "1.1.0"), as paths below tomlTestSuite(): "valid/...toml".
inline QStringList tomlTestCases(const QString &version)
{
    QFile file(tomlTestSuite() + QStringLiteral("/files-toml-") + version);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList cases;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.endsWith(".toml"))
            cases.append(QString::fromUtf8(line));
    }
    return cases;
}

} // namespace Posture::Tests

// SPDX-License-Identifier: Apache-2.0
#include "core/config/codexlocations.h"

#include <QTest>

using Posture::Core::CodexLocations;
using HomeSource = CodexLocations::HomeSource;

class TestCodexLocations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_followsPrecedence_data();
    void resolve_followsPrecedence();
    void userConfigPath_isConfigTomlInHome();
};

void TestCodexLocations::resolve_followsPrecedence_data()
{
    QTest::addColumn<QString>("codexHomeOption");
    QTest::addColumn<QString>("homeOption");
    QTest::addColumn<QString>("codexHomeVariable");
    QTest::addColumn<QString>("homeVariable");
    QTest::addColumn<QString>("expectedHome");
    QTest::addColumn<HomeSource>("expectedSource");

    QTest::newRow("HOME only") << "" << "" << "" << "/home/ada" << "/home/ada/.codex" << HomeSource::HomeDirectory;
    QTest::newRow("CODEX_HOME beats HOME")
        << "" << "" << "/srv/codex" << "/home/ada" << "/srv/codex" << HomeSource::CodexHomeVariable;
    QTest::newRow("--home beats CODEX_HOME (a copied home must not mix in the live machine)")
        << "" << "/copies/ada" << "/srv/codex" << "/home/ada" << "/copies/ada/.codex" << HomeSource::HomeOption;
    QTest::newRow("--codex-home beats everything") << "/copies/codex" << "/copies/ada" << "/srv/codex" << "/home/ada"
                                                   << "/copies/codex" << HomeSource::CodexHomeOption;
    QTest::newRow("paths are cleaned") << "/copies//codex/./" << "" << "" << "/home/ada" << "/copies/codex"
                                       << HomeSource::CodexHomeOption;
}

void TestCodexLocations::resolve_followsPrecedence()
{
    QFETCH(QString, codexHomeOption);
    QFETCH(QString, homeOption);
    QFETCH(QString, codexHomeVariable);
    QFETCH(QString, homeVariable);
    QFETCH(QString, expectedHome);
    QFETCH(HomeSource, expectedSource);

    QProcessEnvironment environment;
    if (!codexHomeVariable.isEmpty())
        environment.insert(QStringLiteral("CODEX_HOME"), codexHomeVariable);
    environment.insert(QStringLiteral("HOME"), homeVariable);

    const CodexLocations locations = CodexLocations::resolve(codexHomeOption, homeOption, environment);
    QCOMPARE(locations.codexHome, expectedHome);
    QCOMPARE(locations.source, expectedSource);
}

void TestCodexLocations::userConfigPath_isConfigTomlInHome()
{
    const CodexLocations locations{QStringLiteral("/home/ada/.codex"), HomeSource::HomeDirectory};
    QCOMPARE(locations.userConfigPath(), QStringLiteral("/home/ada/.codex/config.toml"));
    QCOMPARE(locations.sourceDescription(), QStringLiteral("$HOME"));
}

QTEST_GUILESS_MAIN(TestCodexLocations)
#include "tst_codexlocations.moc"

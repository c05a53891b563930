// SPDX-License-Identifier: Apache-2.0
// posture-record-verdicts CODEX CASE_DIRECTORY...: asks the real Codex CLI what it does with each fixture case and
// writes the case's expected.json (the format of tests/data/fixtures/README.md). scripts/record-fixtures runs it on
// every case of tests/data/fixtures/homes with the pinned CLI. Nothing the cases name can run: the CLI gets no
// network and a PATH of /usr/bin:/bin only (see verdict.cpp), and each case is evaluated in a temporary copy.
#include "fixturehome.h"
#include "verdict.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

using namespace Posture::Tests;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.size() < 2) {
        std::fprintf(stderr, "usage: posture-record-verdicts CODEX CASE_DIRECTORY...\n");
        return 2;
    }
    const QString codex = arguments.takeFirst();
    int failures = 0;
    for (const QString &directory : std::as_const(arguments)) {
        const FixtureHome fixture(directory);
        if (!fixture.isValid()) {
            std::fprintf(stderr, "%s: not a fixture case (case.json missing or unreadable)\n", qPrintable(directory));
            ++failures;
            continue;
        }
        const CodexCase codexCase{
            fixture.home(), fixture.codexHome(), fixture.cwd(), fixture.profile(), fixture.options(false).systemRoot};
        QString error;
        const Verdict verdict = oracleVerdict(codex, codexCase, &error);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(directory), qPrintable(error));
            ++failures;
            continue;
        }
        QFile file(directory + QStringLiteral("/expected.json"));
        const QByteArray json = QJsonDocument(verdict.toExpectedJson()).toJson(QJsonDocument::Indented);
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()), qPrintable(file.errorString()));
            ++failures;
            continue;
        }
        std::printf("%-40s %s\n", qPrintable(fixture.name()), qPrintable(verdict.toString()));
    }
    return failures == 0 ? 0 : 1;
}

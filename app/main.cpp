// SPDX-License-Identifier: Apache-2.0
// codex-posture: the command line, then either the window or the headless report. No logic lives here.
#include "core/inspection.h"
#include "core/textreport.h"
#include "core/version.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QTimer>

#include <cstdio>

using namespace Posture;

namespace {

void printTo(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
}

// Without a display, QApplication would abort; the headless report is what such a machine wants anyway.
bool hasDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

// Qt names the program by its path (or, run through the build root's loader, by the loader): say codex-posture.
QString helpText(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    const qsizetype firstLineEnd = text.indexOf(u'\n');
    if (text.startsWith(QStringLiteral("Usage: ")) && firstLineEnd > 0)
        text.replace(0, firstLineEnd, QStringLiteral("Usage: codex-posture [options]"));
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("codex-posture"));
    QCoreApplication::setApplicationVersion(Core::toolVersion());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("What can Codex actually do on this machine?"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption codexHome(QStringLiteral("codex-home"),
        QStringLiteral("Inspect DIR as the Codex home (default: $CODEX_HOME, else "
                       "~/.codex)."),
        QStringLiteral("DIR"));
    const QCommandLineOption home(
        QStringLiteral("home"), QStringLiteral("Inspect DIR as the home directory."), QStringLiteral("DIR"));
    const QCommandLineOption report(QStringLiteral("report"),
        QStringLiteral("Print a report instead of opening the window. FORMAT: text. "
                       "The default when there is no display."),
        QStringLiteral("FORMAT"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Open the window, save a PNG of it to FILE and quit."), QStringLiteral("FILE"));
    parser.addOptions({codexHome, home, report, screenshot});

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (!parser.parse(arguments)) {
        printTo(stderr, QStringLiteral("codex-posture: %1\nTry 'codex-posture --help'.\n").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"))) {
        QCoreApplication app(argc, argv);
        printTo(stdout,
            parser.isSet(QStringLiteral("version")) ? QStringLiteral("codex-posture %1\n").arg(Core::toolVersion())
                                                    : helpText(parser));
        return 0;
    }
    const Core::InspectOptions options{parser.value(codexHome), parser.value(home)};

    if (parser.isSet(report) || !hasDisplay()) {
        QCoreApplication app(argc, argv);
        const QString format = parser.isSet(report) ? parser.value(report) : QStringLiteral("text");
        if (format != u"text") {
            printTo(stderr, QStringLiteral("codex-posture: unknown report format '%1' (known: text)\n").arg(format));
            return 2;
        }
        if (!parser.isSet(report))
            printTo(stderr, QStringLiteral("codex-posture: no display found; printing the text report\n"));
        printTo(stdout, Core::renderTextReport(Core::Inspection::run(options), QDateTime::currentDateTimeUtc()));
        return 0;
    }

    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.codex_posture"));
    Views::MainWindow window(options);
    window.show();
    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        QTimer::singleShot(0, &window, [&window, &app, path] {
            const bool saved = window.grab().save(path, "PNG");
            if (!saved)
                printTo(stderr, QStringLiteral("codex-posture: could not write the screenshot to %1\n").arg(path));
            app.exit(saved ? 0 : 2);
        });
    }
    return app.exec();
}

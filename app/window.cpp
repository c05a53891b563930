// SPDX-License-Identifier: Apache-2.0
// The window module: QApplication and the main window, loaded by codex-posture only when a window is wanted.
#include "inspectionsession.h"
#include "mainwindow.h"
#include "pdfreport.h"
#include "scopedialog.h"
#include "screenshotlook.h"
#include "windowmodule.h"

#include <QApplication>
#include <QIcon>
#include <QTimer>

#include <cstdio>

namespace {

int runWindow(
    int &argc, char **argv, const Posture::Core::InspectOptions &options, const Posture::App::WindowRequest &request)
{
    const QString &screenshot = request.screenshot;
    QApplication app(argc, argv);
    // The installed desktop entry and icon (installer/): the window's icon on X11, its entry on Wayland.
    QGuiApplication::setDesktopFileName(QStringLiteral(POSTURE_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(POSTURE_APP_ID)));
    QCoreApplication::setOrganizationName(QStringLiteral("codex-posture"));
    QCoreApplication::setApplicationName(QStringLiteral("codex-posture"));
    if (!screenshot.isEmpty())
        Posture::Views::useScreenshotLook(app, request.dark); // the same picture on every machine
    // The accepted-risks file the window wrote last time counts again (main: AcceptedRisksFile::toCount).
    Posture::Views::MainWindow window(options);
    if (screenshot.isEmpty())
        window.restoreLayout(); // a screenshot keeps the fixed layout: the same picture on every machine
    window.show();
    if (!screenshot.isEmpty()) {
        const auto save = [&window, &app, screenshot] {
            const bool saved = window.grab().save(screenshot, "PNG");
            if (!saved)
                std::fprintf(stderr, "codex-posture: could not write the screenshot to %s\n", qPrintable(screenshot));
            app.exit(saved ? 0 : 2);
        };
        // The screenshot shows the settled result (with the live verdict when probes run), not a placeholder; it
        // is taken on the next turn of the event loop, after the relayout the new text asks for.
        QObject::connect(
            window.session(), &Posture::Models::InspectionSession::inspectionFinished, &window, [&window, save] {
                if (window.settled())
                    QTimer::singleShot(0, &window, save);
            });
    }
    return app.exec();
}

// The PDF report needs fonts, hence a QGuiApplication; it never needs a display, so it runs on the offscreen
// platform whatever the machine has.
int writePdf(int &argc, char **argv, const QByteArray &page, const QString &path)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QString error = Posture::Views::writePdfReport(page, path);
    if (error.isEmpty())
        return 0;
    std::fprintf(stderr, "codex-posture: %s\n", qPrintable(error));
    return 2;
}

} // namespace

// The module's one C entry point: the versioned interface the executable checks (windowmodule.h).
extern "C" Q_DECL_EXPORT const Posture::App::WindowModuleInterface *codex_posture_window_module()
{
    static const Posture::App::WindowModuleInterface exported{
        Posture::App::WindowModuleAbi, POSTURE_VERSION, &runWindow, &writePdf};
    return &exported;
}
static_assert(std::is_same_v<decltype(&codex_posture_window_module), Posture::App::WindowModuleEntry>);

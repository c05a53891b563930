// SPDX-License-Identifier: Apache-2.0
#include "windowmodule.h"

#include "core/common/version.h"

#include <QFileInfo>
#include <QLibrary>

#include <cstdio>
#include <dlfcn.h>

namespace Posture::App {

namespace {

// The directory of this executable. Not QCoreApplication::applicationDirPath(): run through the build root's
// loader, /proc/self/exe names the loader; dladdr names the file this code was loaded from.
QString executableDirectory()
{
    Dl_info info;
    if (::dladdr(reinterpret_cast<void *>(&runWindow), &info) == 0 || info.dli_fname == nullptr)
        return {};
    return QFileInfo(QString::fromLocal8Bit(info.dli_fname)).absolutePath();
}

// The window module's interface, or null after saying on stderr why it could not be loaded. The library stays loaded
// (QLibrary does not unload on destruction).
const WindowModuleInterface *loadModule()
{
    const QString directory = executableDirectory();
    // Next to the executable in the build tree; under lib/codex-posture when installed.
    const QStringList candidates{directory + QStringLiteral("/codex-posture-window.so"),
        directory + QStringLiteral("/../lib/codex-posture/codex-posture-window.so"),
        QStringLiteral(POSTURE_WINDOW_MODULE_INSTALL_DIR "/codex-posture-window.so")};
    QString errors;
    for (const QString &candidate : candidates) {
        if (!QFileInfo::exists(candidate))
            continue;
        QLibrary module(candidate);
        const auto entry = reinterpret_cast<WindowModuleEntry>(module.resolve(WindowModuleSymbol));
        if (!entry) {
            errors += QStringLiteral("\n  %1: %2").arg(candidate, module.errorString());
            continue;
        }
        const WindowModuleInterface *exported = entry();
        const QString built = QString::fromUtf8(exported->coreVersion);
        if (exported->abiVersion == WindowModuleAbi && built == Core::toolVersion())
            return exported;
        errors += QStringLiteral("\n  %1: built for codex-posture %2 (exported %3), this is %4 (exported %5)")
                      .arg(candidate, built)
                      .arg(exported->abiVersion)
                      .arg(Core::toolVersion())
                      .arg(WindowModuleAbi);
    }
    std::fprintf(stderr,
        "codex-posture: the window module could not be loaded%s\n"
        "The window and the PDF report need it; use another --report format, or reinstall codex-posture.\n",
        errors.isEmpty() ? " (codex-posture-window.so is not installed)" : qPrintable(errors));
    return nullptr;
}

} // namespace

int runWindow(int &argc, char **argv, const Core::InspectOptions &options, const WindowRequest &request)
{
    const WindowModuleInterface *module = loadModule();
    return module ? module->run(argc, argv, options, request) : 2;
}

int writePdf(int &argc, char **argv, const QByteArray &page, const QString &path)
{
    const WindowModuleInterface *module = loadModule();
    return module ? module->writePdf(argc, argv, page, path) : 2;
}

} // namespace Posture::App

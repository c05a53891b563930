// SPDX-License-Identifier: Apache-2.0
#include "windowmodule.h"

#include "core/common/version.h"
#include "core/report/reports.h"

#include <QFileInfo>
#include <QLibrary>

#include <cstdio>
#include <dlfcn.h>

namespace Posture::App {

namespace {

// The window module is installed next to the engine, libposture-core.so.0: in lib/codex-posture when installed, in the
// portable bundle's lib/, and in the build tree's lib/. The engine's path is the one the dynamic loader really opened
// (found through the executable's RUNPATH, or the bundle loader's --library-path), so the module is looked for in
// exactly one place, trusted as much as the engine already is. Not the executable's directory: started from PATH,
// dladdr names the executable by its bare argv[0], which would make the working directory a place code is loaded
// from; and run through a loader (the bundle, the build root), /proc/self/exe names the loader.
QString engineDirectory()
{
    Dl_info info;
    if (::dladdr(reinterpret_cast<void *>(&Core::reportFormats), &info) == 0 || info.dli_fname == nullptr)
        return {};
    return QFileInfo(QString::fromLocal8Bit(info.dli_fname)).absolutePath();
}

// The window module's interface, or null after saying on stderr why it could not be loaded. The library stays loaded
// (QLibrary does not unload on destruction).
const WindowModuleInterface *loadModule()
{
    const QString path = engineDirectory() + QStringLiteral("/codex-posture-window.so");
    QString problem;
    if (!QFileInfo::exists(path)) {
        problem = QStringLiteral("%1 is not installed").arg(path);
    } else {
        QLibrary module(path);
        const auto entry = reinterpret_cast<WindowModuleEntry>(module.resolve(WindowModuleSymbol));
        const WindowModuleInterface *exported = entry ? entry() : nullptr;
        const QString built = exported ? QString::fromUtf8(exported->coreVersion) : QString();
        if (exported && exported->abiVersion == WindowModuleAbi && built == Core::toolVersion())
            return exported;
        problem = exported ? QStringLiteral("%1: built for codex-posture %2 (exported %3), this is %4 (exported %5)")
                                 .arg(path, built)
                                 .arg(exported->abiVersion)
                                 .arg(Core::toolVersion())
                                 .arg(WindowModuleAbi)
                           : QStringLiteral("%1: %2").arg(path, module.errorString());
    }
    std::fprintf(stderr,
        "codex-posture: the window module could not be loaded: %s\n"
        "The window and the PDF report need it; use another --report format, or reinstall codex-posture.\n",
        qPrintable(problem));
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

// SPDX-License-Identifier: Apache-2.0
// Compiles (the QtGui header is reachable by its full path) but must not link: posture_core links no QtGui library.
// tests/CMakeLists.txt compiles it as one test and expects the link, as another, to fail.
#include <QtGui/QColor>

int main()
{
    return QColor(Qt::red).name().size();
}

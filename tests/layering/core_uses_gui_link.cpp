// SPDX-License-Identifier: Apache-2.0
// Must not link: the QtGui header is reachable by its full path, but posture_core links no QtGui library
// (tests/CMakeLists.txt expects the undefined reference).
#include <QtGui/QColor>

int main()
{
    return QColor(Qt::red).name().size();
}

// SPDX-License-Identifier: Apache-2.0
// Must not compile: posture_core gives its users no QtGui include path (tests/CMakeLists.txt expects the error).
#include <QColor>

int main()
{
    return QColor(Qt::red).name().size();
}

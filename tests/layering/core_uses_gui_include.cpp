// SPDX-License-Identifier: Apache-2.0
// Builds only while posture_core gives its users no QtGui include path (tests/CMakeLists.txt builds it as a test).
#if __has_include(<QColor>) || __has_include(<QGuiApplication>)
#error "QtGui headers are reachable through posture_core: the core must stay QtCore + toml++ only"
#endif

int main()
{
    return 0;
}

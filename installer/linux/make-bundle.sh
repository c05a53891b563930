#!/bin/sh
# Makes the portable bundle codex-posture-VERSION-linux-ARCH.tar.gz from a configured and built tree: the program, the
# libraries it and its Qt plugins link (Qt, KF6, toml++ and theirs, glibc included), the dynamic loader they were
# built for, the Qt plugins a desktop needs, and a launcher that runs the program with that loader. Everything is
# found relative to the launcher, so the bundle runs from any directory, on a system without Qt 6.8 or a new glibc.
# Run where the build's libraries are (inside the build root on Debian 12: scripts/package does that).
#   make-bundle.sh BUILD_DIR OUT_DIR     prints the path of the .tar.gz
set -eu
build=$(cd "$1" && pwd)
out=$(mkdir -p "$2" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
arch=$(uname -m)
name=codex-posture-$version-linux-$arch
stage=$out/bundle-stage
rm -rf "$stage" "${out:?}/$name" "$out/$name.tar.gz"
cmake --install "$build" --prefix "$stage" --strip >/dev/null
b=$out/$name
mkdir -p "$b/bin" "$b/lib" "$b/plugins" "$b/share"
cp "$stage/bin/codex-posture" "$b/bin/"
# The engine and the window module side by side, as installed (the program finds the module next to the engine).
find "$stage" -path "$stage/lib*/codex-posture/*" ! -type d -exec cp -P {} "$b/lib/" \;
[ -f "$b/lib/codex-posture-window.so" ] || { echo "make-bundle: no window module in $stage" >&2; exit 2; }
cp -r "$stage/share/applications" "$stage/share/metainfo" "$stage/share/icons" "$stage/share/man" "$b/share/"

# The Qt plugins: every platform a desktop or a script may ask for that this Qt has (xcb, offscreen, minimal; wayland
# when it is installed), the X11 GL integration, image formats, input methods and icon engines.
# Where this Qt keeps them: qtpaths6 says, else next to the QtCore the window module links (Debian's layout).
qtplugins=$(qtpaths6 --query QT_INSTALL_PLUGINS 2>/dev/null) ||
    qtplugins=$(dirname "$(ldd "$b/lib/codex-posture-window.so" | sed -n 's/.*=> \(\/[^ ]*libQt6Core[^ ]*\) (.*/\1/p')")/qt6/plugins
for p in platforms/libqxcb.so platforms/libqoffscreen.so platforms/libqminimal.so platforms/libqwayland*.so \
    wayland-*/*.so xcbglintegrations/*.so imageformats/*.so platforminputcontexts/*.so iconengines/*.so; do
    for f in "$qtplugins"/$p; do
        [ -f "$f" ] || continue
        d=$b/plugins/$(basename "$(dirname "$f")")
        mkdir -p "$d"
        cp "$f" "$d/"
    done
done

# Every library the program, the engine, the window module and the plugins need, with the loader, except the ones
# that must come from the machine (check-bundle says which: the GL dispatch libraries that pick its GPU driver).
allowed=$(sed -n 's/^allowed="\(.*\)"$/\1/p' "$here/check-bundle")
find "$b/bin" "$b/lib" "$b/plugins" -type f | while read -r f; do
    LD_LIBRARY_PATH=$b/lib ldd "$f" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\) (.*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p'
done | sort -u | while read -r lib; do
    base=$(basename "$lib")
    case " $allowed " in *" $base "*) continue ;; esac
    [ -e "$b/lib/$base" ] || cp -L "$lib" "$b/lib/$base"
done
loader=$(basename "$(ldd "$b/bin/codex-posture" | sed -n 's/^[[:space:]]*\(\/[^ ]*ld-linux[^ ]*\) (.*/\1/p')")
[ -f "$b/lib/$loader" ] || { echo "make-bundle: the dynamic loader was not found" >&2; exit 2; }
chmod 0755 "$b/lib/$loader"

# Qt finds its plugins through qt.conf next to the running executable, which is the loader: never the system's
# plugins of another Qt version.
printf '[Paths]\nPrefix = ..\nPlugins = plugins\n' >"$b/lib/qt.conf"
sed "s/@LOADER@/$loader/" "$here/bundle-launcher" >"$b/codex-posture"
cp "$here/check-bundle" "$b/check-bundle"
chmod 0755 "$b/codex-posture" "$b/check-bundle"
cp "$here/bundle-README" "$b/README"
rm -rf "$stage"
(cd "$out" && tar --owner=0 --group=0 --numeric-owner -czf "$name.tar.gz" "$name")
echo "$out/$name.tar.gz"

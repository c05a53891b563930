#!/usr/bin/env bash
# The acceptance test of the packages (issue 15), run by ctest (label package) where the build is:
#   1. cpack makes the .deb from the build, installer/linux/make-bundle.sh the portable bundle; desktop-file-validate,
#      appstreamcli validate --no-net, lintian and groff check what they hold;
#   2. the .deb is installed with apt into a fresh copy of a minimal Debian 13 root: --version, --report json on a
#      fixture home and an offscreen --screenshot work, the freedesktop files are where the specs put them, and
#      apt remove --purge leaves no file of ours;
#   3. the bundle, unpacked into a directory with spaces in a minimal Debian 12 root that has only what a desktop
#      always has (GL dispatch libraries, fonts), runs the same three with a cleaned environment, and check-bundle
#      finds no library resolved outside it.
# The minimal roots (debootstrap --variant=minbase) and apt's downloads are cached in the cache of scripts/lib/common.sh;
# every run installs into a new copy. Needs root (mounts, chroot).
#   packagetest.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1 build=$2
if [ "$(id -u)" != 0 ]; then
    echo "package test skipped: it needs root (debootstrap, mounts and chroot for the fresh roots); CI runs as root"
    exit 77
fi
# shellcheck source=scripts/lib/common.sh
source "$src/scripts/lib/common.sh"
cache=$POSTURE_CACHE/package-test
mkdir -p "$cache"
id=io.github.codex_posture.CodexPosture
# A run killed before its trap (a ctest timeout) leaves its copy behind: removed by the next run, once surely dead.
find "$cache" -maxdepth 1 -name 'run.*' -mmin +60 -exec rm -rf {} +
work=$(mktemp -d "$cache/run.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM
step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }
check() { # DESCRIPTION COMMAND...: runs COMMAND, fails the test with DESCRIPTION if it fails
    local what=$1
    shift
    "$@" || {
        echo "FAILED: $what"
        exit 1
    }
}

# Runs a command in ROOT with /dev and /proc, a fresh /tmp holding the files given with -f, and apt's caches (one per
# Debian release, kept between runs), in a
# private mount namespace (so nothing stays mounted), with a clean environment: in_root ROOT [-f FILE]... -- CMD...
in_root() {
    local root=$1 files=()
    shift
    while [ "$1" = -f ]; do
        files+=("$2")
        shift 2
    done
    shift
    # shellcheck disable=SC2016 # the script is for the inner bash, with its own arguments
    unshare --mount --propagation private -- bash -c '
        set -e
        r=$1 n=$2
        cache=$3/apt-$(. "$r/etc/os-release" && echo "$VERSION_CODENAME")
        shift 3
        mkdir -p "$cache/archives" "$cache/lists"
        mount --rbind /dev "$r/dev"
        mount -t proc proc "$r/proc"
        mount -t tmpfs tmpfs "$r/tmp"
        mount --bind "$cache/archives" "$r/var/cache/apt/archives"
        mount --bind "$cache/lists" "$r/var/lib/apt/lists"
        cp /etc/resolv.conf "$r/etc/resolv.conf"
        while [ "$n" -gt 0 ]; do cp "$1" "$r/tmp/"; shift; n=$((n - 1)); done
        exec chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
            DEBIAN_FRONTEND=noninteractive "$@"' \
        bash "$root" "${#files[@]}" "$cache" "${files[@]}" "$@"
}

# A minimal root of SUITE with PACKAGES, made once (serialised by the caller's lock): prints its path.
pristine_root() { # SUITE PACKAGES...
    local suite=$1 root=$cache/$1-minbase
    shift
    if [ ! -f "$root/.complete" ]; then
        rm -rf "$root" "$root.new"
        debootstrap --variant=minbase "$suite" "$root.new" >"$cache/debootstrap-$suite.log" 2>&1 ||
            die "debootstrap $suite failed; see $cache/debootstrap-$suite.log"
        if [ $# -gt 0 ]; then
            in_root "$root.new" -- sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"' \
                sh "$@" >"$cache/extras-$suite.log" 2>&1 || die "installing $* into $suite failed"
        fi
        touch "$root.new/.complete"
        mv "$root.new" "$root"
    fi
    echo "$root"
}

step "1. building the .deb and the bundle"
rm -rf "$build/packages"
(cd "$build" && cpack -G DEB >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log"
    exit 1
}
deb=$(echo "$build"/packages/codex-posture_*.deb)
bundle=$("$src/installer/linux/make-bundle.sh" "$build" "$build/packages")
ls -l "$deb" "$bundle"
dpkg-deb --field "$deb" Depends Section Priority Homepage
dpkg-deb --field "$deb" Depends | grep -q 'libqt6widgets6' || check "Depends comes from dpkg-shlibdeps" false

step "validators"
mkdir "$work/deb"
dpkg-deb -x "$deb" "$work/deb"
check "desktop-file-validate" desktop-file-validate "$work/deb/usr/share/applications/$id.desktop"
check "appstreamcli validate" appstreamcli validate --no-net --pedantic "$work/deb/usr/share/metainfo/$id.metainfo.xml"
check "the man page has no groff warning" test -z "$(zcat "$work/deb/usr/share/man/man1/codex-posture.1.gz" |
    groff -ww -man -z 2>&1)"
lintian --fail-on error,warning --info "$deb" |
    tee "$work/lintian.log" || check "lintian reports no error and no warning" false
echo "lintian: $(grep -c '^E:' "$work/lintian.log" || true) errors, $(grep -c '^W:' "$work/lintian.log" || true) warnings"

# A fixture home with its placeholders filled in, for the runs below (at /tmp/home in the roots).
mkdir -p "$work/home"
cp -r "$src/tests/data/fixtures/homes/yolo/home/." "$work/home/"
grep -rl '@HOME@\|@PROJECT@' "$work/home" | xargs -r sed -i 's|@HOME@|/tmp/home|g; s|@PROJECT@|/tmp/project|g'
tar -C "$work" -cf "$work/home.tar" home
# The three runs, given how to start codex-posture (a shell word list): version, JSON report, offscreen screenshot.
cat >"$work/runs.sh" <<'RUNS'
set -eu
tar -C /tmp -xf /tmp/home.tar
"$@" --version | grep -q '^codex-posture [0-9]'
"$@" --version
"$@" --home /tmp/home --no-live-probe --report json >/tmp/report.json
grep -q '"schema": "codex-posture.report/1"' /tmp/report.json
grep -q '"approval-never:approval_policy"' /tmp/report.json
echo "report json: $(wc -c </tmp/report.json) bytes, with the fixture's findings"
QT_QPA_PLATFORM=offscreen "$@" --home /tmp/home --no-live-probe --screenshot /tmp/shot.png
[ "$(head -c 8 /tmp/shot.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
echo "offscreen screenshot: $(wc -c </tmp/shot.png) bytes of PNG"
RUNS

step "2. installing the .deb with apt into a fresh minimal Debian 13 root"
exec 8>"$cache/.lock"
flock 8
trixie=$(pristine_root trixie)
cp -a "$trixie" "$work/trixie"
in_root "$work/trixie" -f "$deb" -- sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-unsafe-io \
    /tmp/codex-posture_*.deb' >"$work/apt.log" 2>&1 || {
    tail -n 30 "$work/apt.log"
    check "apt installs the .deb" false
}
echo "installed: $(in_root "$work/trixie" -- dpkg-query -W codex-posture)"
in_root "$work/trixie" -f "$work/home.tar" -f "$work/runs.sh" -- sh /tmp/runs.sh codex-posture ||
    check "the installed codex-posture runs" false
for f in "usr/share/applications/$id.desktop" "usr/share/metainfo/$id.metainfo.xml" \
    "usr/share/icons/hicolor/scalable/apps/$id.svg" "usr/share/icons/hicolor/16x16/apps/$id.png" \
    "usr/share/icons/hicolor/48x48/apps/$id.png" "usr/share/icons/hicolor/256x256/apps/$id.png" \
    usr/share/man/man1/codex-posture.1.gz usr/share/bash-completion/completions/codex-posture \
    usr/share/zsh/vendor-completions/_codex-posture usr/share/fish/vendor_completions.d/codex-posture.fish \
    usr/share/doc/codex-posture/copyright usr/bin/codex-posture; do
    check "$f is installed" test -f "$work/trixie/$f"
done
in_root "$work/trixie" -- dpkg -L codex-posture >"$work/ours.txt"
in_root "$work/trixie" -- apt-get remove --purge -y -qq codex-posture >>"$work/apt.log" 2>&1
while read -r f; do
    [ -d "$work/trixie$f" ] && [ ! -L "$work/trixie$f" ] && continue # directories shared with other packages
    check "apt remove --purge removes $f" test ! -e "$work/trixie$f"
done <"$work/ours.txt"
left=$(cd "$work/trixie" && find . -xdev \( -name '*codex-posture*' -o -name '*codex_posture*' \) -print)
check "apt remove --purge leaves no file of ours (left: $left)" test -z "$left"
echo "purged: no file of codex-posture left"
rm -rf "$work/trixie"

step "3. the bundle in a directory with spaces, in a minimal Debian 12 root, environment cleaned"
bookworm=$(pristine_root bookworm libegl1 libglx0 libopengl0 fontconfig-config fonts-dejavu-core)
cat >"$work/bundle.sh" <<'BUNDLE'
set -eu
dir="/tmp/a directory with spaces"
mkdir "$dir"
tar -C "$dir" -xzf /tmp/codex-posture-*-linux-*.tar.gz
b=$(echo "$dir"/codex-posture-*)
"$b/check-bundle"
sh /tmp/runs.sh "$b/codex-posture"
BUNDLE
in_root "$bookworm" -f "$bundle" -f "$work/home.tar" -f "$work/runs.sh" -f "$work/bundle.sh" -- \
    env -i PATH=/usr/bin:/bin sh /tmp/bundle.sh || check "the bundle runs on Debian 12" false
flock -u 8
echo "bundle: $(du -h "$bundle" | cut -f1) compressed, $(du -sh "${bundle%.tar.gz}" | cut -f1) unpacked"
step "package test passed"

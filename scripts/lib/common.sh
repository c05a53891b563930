# shellcheck shell=bash
# Shared by scripts/run, scripts/test and scripts/codex-posture: where things live, how the build root is made and
# entered, and how the project is configured and built. Sourced, never run.
set -euo pipefail

POSTURE_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Caches live outside the repository so that a fresh clone (what CI uses) finds them again.
if [ -n "${CODEX_POSTURE_CACHE:-}" ]; then
    POSTURE_CACHE=$CODEX_POSTURE_CACHE
elif [ "$(id -u)" = 0 ]; then
    POSTURE_CACHE=/var/cache/codex-posture
else
    POSTURE_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/codex-posture
fi
POSTURE_ROOT=$POSTURE_CACHE/trixie-root
POSTURE_PACKAGES_FILE=$POSTURE_SRC/scripts/buildroot-packages.txt
POSTURE_ROOT_STAMP=$POSTURE_ROOT/.codex-posture-packages

say() { printf 'codex-posture: %s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 2
}

posture_packages() { sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$POSTURE_PACKAGES_FILE"; }

# native: the host packages Qt >= 6.8, KF6 SyntaxHighlighting and toml++; root: build inside a Debian 13 build root.
# With "explain" it also says why when it had to guess (posture_ensure_toolchain asks once; other callers stay quiet).
posture_build_mode() {
    if [ -n "${CODEX_POSTURE_BUILD:-}" ]; then
        echo "$CODEX_POSTURE_BUILD"
        return
    fi
    local ID="" VERSION_ID="" major explain=${1:-}
    # shellcheck disable=SC1091 # the host's file, not part of the project
    [ -r /etc/os-release ] && . /etc/os-release
    major=${VERSION_ID%%.*}
    case "$major" in
    '' | *[!0-9]*) major="" ;; # no VERSION_ID, or not a number: compared below as unknown, never with -lt
    esac
    local first_native unknown why
    case "$ID" in
    debian)
        # Debian testing and unstable have no VERSION_ID, and they are newer than 13: native.
        first_native=13 unknown=native
        why="Debian without a release number (VERSION_ID '$VERSION_ID'), so testing or unstable: building natively"
        why+=" (CODEX_POSTURE_BUILD=root overrides)"
        ;;
    ubuntu)
        # Every Ubuntu release has a VERSION_ID. Without a usable one the release is unknown, and the build root is
        # the safe choice: it builds on any release, while a native build on one before 25.04 fails on packages it
        # lacks (Qt 6.8, KF6), after installing the rest of the list on the host.
        first_native=25 unknown=root
        why="Ubuntu release unknown (VERSION_ID '$VERSION_ID'): building in the Debian 13 build root, which works on"
        why+=" any release (CODEX_POSTURE_BUILD=native overrides)"
        ;;
    *)
        echo native
        return
        ;;
    esac
    if [ -z "$major" ]; then
        [ "$explain" != explain ] || say "$why"
        echo "$unknown"
    elif [ "$major" -lt "$first_native" ]; then
        echo root
    else
        echo native
    fi
}

posture_need_root_user() {
    [ "$(id -u)" = 0 ] || die "$1 needs root (these machines run as root). Run it as root, or with sudo."
}

# Installs the package list on a Debian-family host that has the packages natively.
posture_ensure_native_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0 # not Debian-family: cmake says what is missing
    local missing=() p
    for p in $(posture_packages); do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" = 0 ] || die "missing packages: ${missing[*]} — install them with: sudo apt-get install ${missing[*]}"
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Runs a command inside the build root, in a private mount namespace so that nothing stays mounted when it ends.
# The checkout, ../shared and the cache are bind-mounted at the same paths, so build paths mean the same inside and out.
# The root is entered with pivot_root, not chroot: the kernel refuses user namespaces to a chrooted process, and the
# tests run bubblewrap (through the real Codex CLI) exactly as on the host. The mounts and the pivot are
# scripts/lib/enter-root's.
posture_in_root() {
    local binds=("$POSTURE_SRC" "$POSTURE_CACHE")
    [ -d "$POSTURE_SRC/../shared" ] && binds+=("$(cd "$POSTURE_SRC/../shared" && pwd)")
    POSTURE_BINDS=$(printf '%s\n' "${binds[@]}") POSTURE_ROOT=$POSTURE_ROOT POSTURE_CWD=$PWD \
        unshare --mount --propagation private -- "$POSTURE_SRC/scripts/lib/enter-root" "$@"
}

# The packages of the list that the build root has not installed (read from its dpkg status file).
posture_root_missing_packages() {
    local status=$POSTURE_ROOT/var/lib/dpkg/status p
    for p in $(posture_packages); do
        [ -f "$status" ] && awk -v want="Package: $p" '
            $0 == want { here = 1; next }
            /^$/ { here = 0 }
            here && /^Status:/ { exit ($NF == "installed" ? 0 : 1) }
            END { if (!here) exit 1 }' "$status" && continue
        echo "$p"
    done
}

# Creates the Debian 13 build root, or refreshes it when the package list changed. Idempotent; serialised by a lock.
# A changed list whose packages are all installed already (comments, order, or another checkout's shorter list on the
# same root) only updates the stamp: checkouts with different lists share a root without reinstalling in turn.
posture_ensure_root() {
    local want
    want=$(sha256sum "$POSTURE_PACKAGES_FILE" | cut -c1-16)
    if [ -f "$POSTURE_ROOT_STAMP" ] && [ "$(cat "$POSTURE_ROOT_STAMP")" = "$want" ]; then
        return 0
    fi
    posture_need_root_user "creating the Debian 13 build root in $POSTURE_ROOT"
    mkdir -p "$POSTURE_CACHE"
    exec 9>"$POSTURE_CACHE/.lock"
    flock 9
    if [ -f "$POSTURE_ROOT_STAMP" ] && [ "$(cat "$POSTURE_ROOT_STAMP")" = "$want" ]; then
        exec 9>&-
        return 0
    fi
    if [ -x "$POSTURE_ROOT/usr/bin/apt-get" ] && [ -z "$(posture_root_missing_packages)" ]; then
        echo "$want" >"$POSTURE_ROOT_STAMP"
        exec 9>&-
        return 0
    fi
    if [ ! -x "$POSTURE_ROOT/usr/bin/apt-get" ]; then
        say "creating the Debian 13 build root in $POSTURE_ROOT (once, about two minutes)"
        if ! command -v debootstrap >/dev/null 2>&1; then
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
        fi
        # Never mounted in the host's namespace (see posture_in_root), so removing a half-made root is safe.
        rm -rf "$POSTURE_ROOT.new"
        debootstrap --variant=minbase trixie "$POSTURE_ROOT.new" >"$POSTURE_CACHE/debootstrap.log" 2>&1 ||
            die "debootstrap failed; see $POSTURE_CACHE/debootstrap.log"
        rm -rf "$POSTURE_ROOT"
        mv "$POSTURE_ROOT.new" "$POSTURE_ROOT"
    else
        say "the package list changed: installing $(posture_root_missing_packages | tr '\n' ' ')into the build root"
    fi
    cp /etc/resolv.conf "$POSTURE_ROOT/etc/resolv.conf" 2>/dev/null || true
    say "installing $(posture_packages | wc -l) packages into the build root (log: $POSTURE_CACHE/packages.log)"
    # shellcheck disable=SC2046
    posture_in_root sh -c 'apt-get update && apt-get install -y --no-install-recommends "$@" && apt-get clean' \
        sh $(posture_packages) >"$POSTURE_CACHE/packages.log" 2>&1 ||
        die "installing packages into the build root failed; see $POSTURE_CACHE/packages.log"
    echo "$want" >"$POSTURE_ROOT_STAMP"
    exec 9>&-
    say "build root ready"
}

# Makes sure the toolchain is there: the build root on Debian 12 / Ubuntu < 25.04, native packages elsewhere.
posture_ensure_toolchain() {
    case "$(posture_build_mode explain)" in
    root) posture_ensure_root ;;
    native) posture_ensure_native_packages ;;
    *) die "CODEX_POSTURE_BUILD must be 'native' or 'root'" ;;
    esac
}

# Runs a build command where the toolchain is: natively, or inside the build root.
posture_tool() {
    if [ "$(posture_build_mode)" = root ]; then
        posture_in_root "$@"
    else
        "$@"
    fi
}

# Configures (when needed, or always with --reconfigure) and builds a CMake preset. Build output goes to stderr so
# that a report on stdout stays clean.
posture_build() {
    local preset=$1
    shift
    (
        cd "$POSTURE_SRC" # in a subshell: the caller's working directory is what codex-posture inspects
        if [ ! -f "build/$preset/build.ninja" ] || [ $# -gt 0 ]; then
            posture_tool cmake --preset "$preset" "$@" >&2
        fi
        posture_tool cmake --build --preset "$preset" >&2
    )
}

# The build root's own dynamic loader and libraries, which run a binary built in the root on the host (see
# docs/reference/buildroot.md): sets POSTURE_HOST_LIBDIR and the array POSTURE_HOST_LOADER (the loader and its
# --library-path, to be followed by the binary and its arguments).
posture_root_loader() {
    local loader
    POSTURE_HOST_LIBDIR=$(echo "$POSTURE_ROOT"/usr/lib/*-linux-gnu)
    loader=$(echo "$POSTURE_HOST_LIBDIR"/ld-linux*.so.*)
    [ -x "$loader" ] || die "no dynamic loader in the build root ($POSTURE_HOST_LIBDIR); run scripts/test to set it up"
    POSTURE_HOST_LOADER=("$loader" --library-path "$POSTURE_HOST_LIBDIR:$POSTURE_HOST_LIBDIR/libproxy")
}

# Prints the command line that starts a built binary on the host, for a program that starts it (posture-bench
# --posture): the binary natively, else the build root's loader line ending with it. One line, every word in double
# quotes, as QProcess::splitCommand reads it (a literal quote is three).
posture_host_command() {
    local words=("$1") word line=""
    if [ "$(posture_build_mode)" = root ]; then
        posture_root_loader
        words=("${POSTURE_HOST_LOADER[@]}" "$1")
    fi
    for word in "${words[@]}"; do
        line+="${line:+ }\"${word//\"/\"\"\"}\""
    done
    printf '%s\n' "$line"
}

# Runs a built binary on the host, so that it inspects the host's files, not the build root's: natively, or through
# the build root's own dynamic loader and libraries (posture_root_loader).
posture_run_on_host() {
    local bin=$1
    shift
    if [ "$(posture_build_mode)" != root ]; then
        "$bin" "$@"
        return
    fi
    posture_root_loader
    QT_PLUGIN_PATH=$POSTURE_HOST_LIBDIR/qt6/plugins "${POSTURE_HOST_LOADER[@]}" "$bin" "$@"
}

posture_exec_on_host() {
    posture_run_on_host "$@"
    exit $?
}

# Installs a pinned npm package of the Codex CLI (the package.json and package-lock.json in $1) once per content of
# those two files into $POSTURE_CACHE/$2-<hash>, and prints the path of its native binary. The binary is static, so it
# runs on the host and inside the build root alike. A half-done install is never taken for a done one: it is made in a
# .new directory and marked .complete only when npm ci succeeded.
posture_install_codex_package() {
    local package=$1 name=$2 key dir bin
    if [ ! -f "$package/package.json" ] || [ ! -f "$package/package-lock.json" ]; then
        die "no pinned Codex CLI in $package"
    fi
    key=$(cat "$package/package.json" "$package/package-lock.json" | sha256sum | cut -c1-16)
    dir=$POSTURE_CACHE/$name-$key
    if [ ! -f "$dir/.complete" ]; then
        command -v npm >/dev/null 2>&1 || die "npm is needed to install the pinned Codex CLI (apt-get install npm)"
        say "installing the pinned Codex CLI ($package) into $dir"
        mkdir -p "$POSTURE_CACHE"
        rm -rf "$dir.new"
        mkdir -p "$dir.new"
        cp "$package/package.json" "$package/package-lock.json" "$dir.new/"
        (cd "$dir.new" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci of the Codex CLI failed"
        rm -rf "$dir"
        mv "$dir.new" "$dir"
        touch "$dir/.complete"
    fi
    bin=$(find "$dir/node_modules/@openai" -path '*/vendor/*/bin/codex' -type f 2>/dev/null | head -n 1)
    [ -n "$bin" ] || bin=$(find "$dir/node_modules/@openai" -path '*/vendor/*/codex/codex' -type f 2>/dev/null | head -n 1)
    [ -n "$bin" ] || die "the Codex CLI package in $dir has no native binary for this machine"
    echo "$bin"
}

# Installs the pinned real Codex CLI the tests judge against (tests/oracle) and prints its native binary's path.
posture_ensure_oracle() {
    posture_install_codex_package "$POSTURE_SRC/tests/oracle" oracle
}

# The Codex version the oracle pins (tests/oracle/package.json), the newest one codex-posture knows.
posture_oracle_version() {
    sed -n 's/.*"@openai\/codex": *"\([^"]*\)".*/\1/p' "$POSTURE_SRC/tests/oracle/package.json"
}

# The Codex versions pinned for their acceptance tables (tests/oracle/versions/<V>, and the oracle's), oldest first.
posture_pinned_codex_versions() {
    {
        posture_oracle_version
        find "$POSTURE_SRC/tests/oracle/versions" -mindepth 1 -maxdepth 1 -type d -printf '%f\n'
    } | sort -t. -k1,1n -k2,2n -k3,3n -u
}

# Installs one pinned Codex version (tests/oracle/versions/<V>; the oracle's own pin for its version, so that it is
# installed once) and prints its native binary's path.
posture_ensure_codex() {
    local version=$1
    if [ "$version" = "$(posture_oracle_version)" ]; then
        posture_ensure_oracle
    else
        posture_install_codex_package "$POSTURE_SRC/tests/oracle/versions/$version" "codex-$version"
    fi
}

# The older pinned Codex versions the oracle tests run besides the oracle (tst_releasesample asks each a sample of its
# recorded answers; the differential test runs the oldest and a middle one), installed, as CMake's POSTURE_CODEX_VERSIONS wants
# them: VERSION=BINARY;...
POSTURE_TEST_CODEX_VERSIONS=(0.160.1 0.167.2)
posture_test_codex_versions() {
    local version list=""
    for version in "${POSTURE_TEST_CODEX_VERSIONS[@]}"; do
        list+="${list:+;}$version=$(posture_ensure_codex "$version")"
    done
    echo "$list"
}

# Builds the libFuzzer target (preset fuzz) and runs it for $1 seconds on a corpus kept in build/fuzz/corpus, seeded
# with the vendored toml-test suite and the fixture homes (../shared's too when it is there).
posture_fuzz() {
    local seconds=$1 seeds=("$POSTURE_SRC/tests/data/toml-test/tests/valid" "$POSTURE_SRC/tests/data/fixtures/homes")
    (
        cd "$POSTURE_SRC"
        [ -f build/fuzz/build.ninja ] || posture_tool cmake --preset fuzz >&2
        posture_tool cmake --build --preset fuzz >&2
    )
    mkdir -p "$POSTURE_SRC/build/fuzz/corpus"
    # The team's fixture homes too, when ../shared is beside the checkout.
    [ -d "$POSTURE_SRC/../shared/fixtures/homes" ] && seeds+=("$(cd "$POSTURE_SRC/../shared" && pwd)/fixtures/homes")
    (
        cd "$POSTURE_SRC/build/fuzz"
        posture_tool ./fuzz/tomleditor-fuzz -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
            -rss_limit_mb=4096 -artifact_prefix=./ corpus "${seeds[@]}"
    )
}

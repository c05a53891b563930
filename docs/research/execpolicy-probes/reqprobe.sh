#!/bin/sh
# usage: reqprobe.sh REQUIREMENTS_TOML ; runs `codex exec` offline in a private mount+net namespace where /etc is an overlay containing codex/requirements.toml
R=$1
rm -rf /tmp/execpolicy-try/ov; mkdir -p /tmp/execpolicy-try/ov/upper/codex /tmp/execpolicy-try/ov/work; cp "$R" /tmp/execpolicy-try/ov/upper/codex/requirements.toml
H=/tmp/execpolicy-try/h5; rm -rf $H; mkdir -p $H
C=/var/cache/codex-posture/oracle-1ac3050c6846620c/node_modules/.bin/codex
cd /tmp/execpolicy-try/proj2 && CODEX_HOME=$H RUST_BACKTRACE=0 timeout 20 unshare -m -n sh -c "mount --make-rprivate / && mount -t overlay overlay -o lowerdir=/etc,upperdir=/tmp/execpolicy-try/ov/upper,workdir=/tmp/execpolicy-try/ov/work /etc && exec $C exec --skip-git-repo-check 'echo hi'" </dev/null 2>&1 | grep -v 'PATH aliases\|Untrusted project-local\|Reading additional' | head -6

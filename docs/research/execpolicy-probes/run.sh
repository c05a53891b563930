#!/bin/sh
# run codex execpolicy check offline (network namespace), print stdout, stderr, rc
export CODEX_HOME=/tmp/execpolicy-try/home
C=/var/cache/codex-posture/oracle-1ac3050c6846620c/node_modules/.bin/codex
RUST_BACKTRACE=0 unshare -n "$C" execpolicy check "$@" 2>/tmp/execpolicy-try/last.err
rc=$?
grep -v 'could not create PATH aliases' /tmp/execpolicy-try/last.err
echo "[rc=$rc]"

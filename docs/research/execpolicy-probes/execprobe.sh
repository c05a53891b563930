#!/bin/sh
# usage: execprobe.sh RULES_FILE_CONTENT_FILE ; installs it as $H/rules/default.rules and runs codex exec offline
H=/tmp/execpolicy-try/h4; rm -rf $H; mkdir -p $H/rules; cp "$1" $H/rules/default.rules
C=/var/cache/codex-posture/oracle-1ac3050c6846620c/node_modules/.bin/codex
cd /tmp/execpolicy-try/proj2 && CODEX_HOME=$H RUST_BACKTRACE=0 timeout 30 unshare -n "$C" exec --skip-git-repo-check "echo hi" </dev/null 2>&1 | grep -v 'PATH aliases\|Untrusted project-local' | head -8

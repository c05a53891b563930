#!/bin/sh
# usage: probe.sh CODEX_HOME CWD [extra codex args...]; prints the "Approved command prefixes" section
H=$1; shift; D=$1; shift
C=/var/cache/codex-posture/oracle-1ac3050c6846620c/node_modules/.bin/codex
cd "$D" && CODEX_HOME=$H RUST_BACKTRACE=0 timeout 120 unshare -n "$C" debug prompt-input -c approval_policy='"on-request"' "$@" hi > /tmp/execpolicy-try/probe.json 2>/tmp/execpolicy-try/probe.err
echo "[rc=$?]"
grep -v 'PATH aliases' /tmp/execpolicy-try/probe.err | head -5
python3 - <<'PY'
import json
d=json.load(open('/tmp/execpolicy-try/probe.json'))
def walk(x):
    if isinstance(x,str): yield x
    elif isinstance(x,dict):
        for v in x.values(): yield from walk(v)
    elif isinstance(x,list):
        for v in x: yield from walk(v)
found=False
for s in walk(d):
    i=s.find('## Approved command prefixes')
    if i>=0:
        found=True
        print(s[i:].split('</permissions')[0].strip())
    for w in ('rules','Rules'):
        pass
if not found: print('(no Approved command prefixes section)')
PY

#!/bin/sh
# --json /dev/stdout while stdout is a regular file: the JSON reaches the file and
# /dev/stdout stays a link (it was once replaced by a renamed temporary file).
set -eu
bin=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" assess "$root/examples/mining/strong.yaml" --json /dev/stdout -q >"$tmp/o.json"
test -L /dev/stdout
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["suppliers"]' "$tmp/o.json"
echo ok

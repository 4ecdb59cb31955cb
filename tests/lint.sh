#!/bin/sh
# Lints the Lua packs with the sandbox std of .luacheckrc: plugins/, sectors/ and the plugin
# guide's pack. Run from anywhere; exits non-zero on any warning or error (luacheck's own
# exit status: 1 warnings, 2 errors, 3+ fatal). Needs luacheck (Debian: apt-get install lua-check).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if ! command -v luacheck >/dev/null 2>&1; then
	echo "lint.sh: luacheck not found (apt-get install lua-check)" >&2
	exit 2
fi
exec luacheck --no-color --config .luacheckrc --formatter plain plugins sectors tests/packs/garments.lua

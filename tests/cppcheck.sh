#!/bin/sh
# cppcheck over the C engine, engine/ and reports/: any warning or portability
# report fails (exit 1). The -D values stand for what CMake defines (config.h
# included); the analysis does not depend on them. The system headers (Lua,
# libyaml, libxlsxwriter, libc) are left out, as cppcheck's manual advises. A
# false positive is silenced on its line with `// cppcheck-suppress ID` and a
# comment saying why. Run from anywhere. Needs cppcheck (Debian: apt-get install
# cppcheck).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if ! command -v cppcheck >/dev/null 2>&1; then
	echo "cppcheck.sh: cppcheck not found (apt-get install cppcheck)" >&2
	exit 2
fi
inc=
for d in engine/*/ reports/; do
	inc="$inc -I ${d%/}"
done
# shellcheck disable=SC2086 # $inc is a list of options
exec cppcheck --enable=warning,portability --error-exitcode=1 --inline-suppr -q --std=c11 \
	$inc -D_POSIX_C_SOURCE=200809L -DDILIGO_VERSION='"0.0.0"' -DDILIGO_SOURCE_DIR='"."' \
	-DDILIGO_BINARY_DIR='"build"' -DDILIGO_DATADIR='"/usr/local/share/diligo"' \
	engine reports

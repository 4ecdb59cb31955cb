#!/bin/sh
# Runs every command of the documentation, so that the docs cannot drift from the program.
#
# usage: tests/docs.sh DILIGO [FILE.md...]
#   DILIGO   the diligo binary under test
#   FILE.md  Markdown files to run (default: README.md and docs/*.md)
#
# Every line of a ```sh block is one command (blank lines and lines starting with # are skipped;
# a line ending in \ continues on the next). Commands run one by one with sh, from the root of a
# scratch copy of the repository, so that examples which write into the working directory
# (README: strong.xlsx, reports/) never touch the real tree. In that copy:
#   - `diligo` on PATH and `build/diligo` are both the binary under test;
#   - /tmp/diligo-guide, where docs/plugin-guide.md writes, is a private scratch directory.
# A command must exit 0 unless its line ends with a comment `# exit N`, which declares the expected
# status. The first mismatch stops the run with the command, its status and its output.
# Skipped, because they are not examples but the quick start that installs packages, rebuilds and
# runs this very test suite: lines starting with ./quickstart.sh or ctest, and lines ending with
# the comment `# docs: skip`.
set -u

if [ $# -lt 1 ] || [ ! -x "$1" ]; then
	echo "usage: tests/docs.sh DILIGO [FILE.md...]" >&2
	exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
if [ $# -eq 0 ]; then
	set -- README.md docs/*.md
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/diligo-docs.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# The scratch copy: everything but version control and build trees.
mkdir "$tmp/tree" "$tmp/bin" "$tmp/diligo-guide"
# no per-user packs of this machine ($XDG_DATA_HOME/diligo) leak into the examples
XDG_DATA_HOME="$tmp/xdg-data-home"
export XDG_DATA_HOME
for entry in * .[!.]*; do
	case "$entry" in
	.git | build | build-* | '.[!.]*') continue ;;
	esac
	[ -e "$entry" ] && cp -R "$entry" "$tmp/tree/"
done
mkdir -p "$tmp/tree/build"
ln -s "$bin" "$tmp/tree/build/diligo"
ln -s "$bin" "$tmp/bin/diligo"

# FILE<TAB>LINE<TAB>COMMAND for every command of every ```sh block.
extract() {
	awk '
	FNR == 1 { insh = 0; cont = "" }
	/^[ \t]*```sh[ \t]*$/ { insh = 1; next }
	/^[ \t]*```/ { insh = 0; next }
	!insh { next }
	{
		line = $0
		sub(/^[ \t]+/, "", line)
		if (cont == "" && (line == "" || substr(line, 1, 1) == "#")) next
		if (cont == "") start = FNR
		if (line ~ /\\$/) { cont = cont substr(line, 1, length(line) - 1) " "; next }
		printf "%s\t%d\t%s\n", FILENAME, start, cont line
		cont = ""
	}' "$@"
}

extract "$@" >"$tmp/commands" || exit 2
ran=0
skipped=0
while IFS='	' read -r file line cmd; do
	case "$cmd" in
	./quickstart.sh* | ctest | ctest\ * | *'# docs: skip')
		echo "skip $file:$line: $cmd"
		skipped=$((skipped + 1))
		continue
		;;
	esac
	want=$(printf '%s\n' "$cmd" | sed -n 's/.*#[ \t]*exit[ \t]\{1,\}\([0-9]\{1,3\}\)[ \t]*$/\1/p')
	[ -n "$want" ] || want=0
	run=$(printf '%s\n' "$cmd" | sed "s#/tmp/diligo-guide#$tmp/diligo-guide#g")
	(cd "$tmp/tree" && PATH="$tmp/bin:$PATH" sh -c "$run") </dev/null >"$tmp/out" 2>&1
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "docs.sh: $file:$line: expected exit $want, got $got: $cmd" >&2
		tail -n 40 "$tmp/out" >&2
		exit 1
	fi
	echo "ok   $file:$line: $cmd"
	ran=$((ran + 1))
done <"$tmp/commands"
echo "docs.sh: $ran commands passed, $skipped skipped"
[ "$ran" -gt 0 ]

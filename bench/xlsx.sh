#!/bin/sh
# diligo benchmark: questionnaire workbooks against YAML (bench/README.md, "Workbooks").
#
#   bench/xlsx.sh BIN
#
# Generates 1,000 mining questionnaires with bench/gen.py, converts each to a
# workbook with `BIN convert` (both kept in $BENCH_DATA, default
# /tmp/diligo-bench, and rebuilt only when gen.py, the pack's template or the
# seed or the workbook diligo writes change), then times the portfolio run over each set,
#   BIN assess DIR -p P.xlsx -q -j J      (J = 1 and 2, best of BENCH_REPEAT, default 3)
# and prints questionnaires per second and the target (T_XLSX_RATE workbooks/s
# at -j 2) met or missed. Timings never go in the test suite.
set -eu

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
	echo "usage: bench/xlsx.sh BIN   (BIN: a diligo binary, ideally a Release build)" >&2
	exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${BENCH_DATA:-/tmp/diligo-bench}
SEED=${BENCH_SEED:-1}
REPEAT=${BENCH_REPEAT:-3}
N=1000
T_XLSX_RATE=1000 # workbooks/s at -j 2, at least (bench/README.md)

TMP=$(mktemp -d /tmp/diligo-bench-xlsx.XXXXXX)
trap 'rm -rf "$TMP"' EXIT INT TERM
stamp=$({
	echo "seed=$SEED sector=mining count=$N"
	sha256sum <"$HERE/gen.py"
	"$BIN" template -s mining | sha256sum
	SOURCE_DATE_EPOCH=0 "$BIN" template -s mining -o "$TMP/t.xlsx" && sha256sum <"$TMP/t.xlsx"
} | sha256sum | cut -c1-16)
yaml=$DATA/xlsx-$N/yaml
xlsx=$DATA/xlsx-$N/xlsx
if [ ! -f "$DATA/xlsx-$N/.stamp" ] || [ "$(cat "$DATA/xlsx-$N/.stamp")" != "$stamp" ]; then
	rm -rf "$DATA/xlsx-$N"
	mkdir -p "$yaml" "$xlsx"
	echo "generating $N mining questionnaires and their workbooks in $DATA/xlsx-$N ..." >&2
	python3 "$HERE/gen.py" --diligo "$BIN" --sector mining --count $N --out "$yaml" \
		--seed "$SEED" >&2
	(cd "$yaml" && ls *.yaml) | sed 's/\.yaml$//' |
		xargs -P 2 -I{} "$BIN" convert "$yaml/{}.yaml" -o "$xlsx/{}.xlsx"
	echo "$stamp" >"$DATA/xlsx-$N/.stamp"
fi
[ "$(find "$xlsx" -name '*.xlsx' | wc -l)" -eq $N ] || { echo "xlsx.sh: missing workbooks" >&2; exit 1; }

echo "load average before the run: $(cut -d' ' -f1 /proc/loadavg)" >&2
cat "$yaml"/*.yaml "$xlsx"/*.xlsx >/dev/null # a warm page cache

best() { # DIR JOBS -> best wall seconds of REPEAT runs
	b=""
	i=0
	while [ $i -lt "$REPEAT" ]; do
		i=$((i + 1))
		rm -f "$TMP/p.xlsx"
		t0=$(date +%s%N)
		"$BIN" assess "$1" -p "$TMP/p.xlsx" -q -j "$2"
		t1=$(date +%s%N)
		d=$((t1 - t0))
		if [ -z "$b" ] || [ "$d" -lt "$b" ]; then b=$d; fi
	done
	awk "BEGIN { printf \"%.3f\", $b / 1e9 }"
}

printf '%-10s %4s %3s %8s %10s\n' input n -j "wall s" "items/s"
for set in yaml xlsx; do
	for j in 1 2; do
		s=$(best "$DATA/xlsx-$N/$set" $j)
		rate=$(awk "BEGIN { printf \"%.0f\", $N / $s }")
		printf '%-10s %4d %3d %8s %10s\n' $set $N $j "$s" "$rate"
		[ $set = xlsx ] && [ $j = 2 ] && xrate=$rate
	done
done
echo
if [ "$xrate" -ge $T_XLSX_RATE ]; then
	echo "target: >= $T_XLSX_RATE workbooks/s at -j 2 ($xrate): met"
else
	echo "target: >= $T_XLSX_RATE workbooks/s at -j 2 ($xrate): MISSED"
fi

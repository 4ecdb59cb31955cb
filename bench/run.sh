#!/bin/sh
# diligo benchmark: throughput, peak RSS and -j 1 versus -j 2, against the
# targets of bench/README.md (Targets).
#
#   bench/run.sh BIN
#
# Generates 1,000 / 10,000 / 100,000 mining questionnaires with bench/gen.py
# into $BENCH_DATA (default /tmp/diligo-bench; kept between runs and rebuilt
# only when gen.py, the pack's template or the seed change), then times
#   BIN assess DIR -p /tmp/p.xlsx -q -j J      (portfolio, J = 1 and 2)
#   BIN assess DIR -o OUTDIR -q -j J            (per-supplier workbooks, 1,000)
#   BIN sectors                                 (pack load, best of 20)
# with /usr/bin/time -v (wall clock, maximum RSS) and prints a table and the
# targets met or missed.
#
# Environment: BENCH_DATA (data directory), BENCH_SEED (default 1),
# BENCH_SIZES (default "1000 10000 100000"), BENCH_REPEAT (runs per
# measurement, best kept; default 3 below 100,000 questionnaires, else 1),
# BENCH_SECTOR (default mining). Timings never go in the test suite.
set -eu

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
	echo "usage: bench/run.sh BIN   (BIN: a diligo binary, ideally a Release build)" >&2
	exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${BENCH_DATA:-/tmp/diligo-bench}
SEED=${BENCH_SEED:-1}
SIZES=${BENCH_SIZES:-"1000 10000 100000"}
SECTOR=${BENCH_SECTOR:-mining}
WB_N=1000
# The targets of bench/README.md (Targets), for 2 cores; change both together.
T_PORTFOLIO_RATE=5000 # questionnaires/s at -j 2, at least (slowest size)
T_WORKBOOK_RATE=150   # workbooks/s per core, at least
T_PEAK_RSS_MIB=100    # maximum RSS of any run, below
T_RSS_GROWTH=1.25     # largest portfolio RSS / smallest, 1k..100k, at most
T_SPEEDUP=1.7         # portfolio -j 2 over -j 1, at least (lowest size)
T_LOAD_MS=10          # diligo sectors, best of 20, below
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

mkdir -p "$DATA"
TMP=$(mktemp -d /tmp/diligo-bench-run.XXXXXX)
trap 'rm -rf "$TMP"' EXIT INT TERM
RESULTS=$TMP/results

# ---- data -----------------------------------------------------------------
stamp() {
	{
		echo "seed=$SEED sector=$SECTOR count=$1"
		sha256sum <"$HERE/gen.py"
		"$BIN" template -s "$SECTOR" | sha256sum
	} | sha256sum | cut -c1-16
}

ensure_data() { # N -> prints the directory
	n=$1
	dir=$DATA/$SECTOR-$n
	want=$(stamp "$n")
	if [ ! -f "$dir/.stamp" ] || [ "$(cat "$dir/.stamp")" != "$want" ]; then
		rm -rf "$dir"
		echo "generating $n $SECTOR questionnaires in $dir ..." >&2
		python3 "$HERE/gen.py" --diligo "$BIN" --sector "$SECTOR" --count "$n" \
			--out "$dir" --seed "$SEED" >&2
		echo "$want" >"$dir/.stamp"
	fi
	echo "$dir"
}

# ---- timing ---------------------------------------------------------------
# measure NAME N JOBS UNITS -- command...: best wall clock of REPEAT runs, and
# the largest maximum RSS among them; appends one line to $RESULTS.
measure() {
	name=$1 n=$2 jobs=$3 reps=$4
	shift 5
	best="" rss=0 cpu=""
	i=0
	while [ "$i" -lt "$reps" ]; do
		i=$((i + 1))
		[ -z "${PRE:-}" ] || eval "$PRE"
		set +e
		"$TIME" -v -o "$TMP/time" "$@" >"$TMP/out" 2>"$TMP/err"
		rc=$?
		set -e
		if [ "$rc" -ne 0 ]; then
			echo "run.sh: '$*' failed with exit $rc:" >&2
			tail -5 "$TMP/err" >&2
			exit 1
		fi
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
			n = split($2, t, ":"); s = 0
			for (k = 1; k <= n; k++) s = s * 60 + t[k]
			printf "%.3f", s }' "$TMP/time")
		r=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/time")
		c=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 }
			END { printf "%.2f", u + s }' "$TMP/time")
		if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then
			best=$wall cpu=$c
		fi
		[ "$r" -le "$rss" ] || rss=$r
	done
	echo "$name $n $jobs $best $cpu $rss" >>"$RESULTS"
	printf '  %-10s n=%-7s -j %s  %8.3f s  (cpu %s s, max RSS %s KiB)\n' \
		"$name" "$n" "$jobs" "$best" "$cpu" "$rss" >&2
}

warm() { # read the files once so every run starts with a warm page cache
	find "$1" -name '*.yaml' -print0 | xargs -0 cat >/dev/null
}

echo "diligo benchmark: $BIN" >&2
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
	"$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM" >&2
load=$(cut -d' ' -f1 /proc/loadavg)
echo "load average before the run: $load" >&2
if awk "BEGIN { exit !($load > 0.5) }"; then
	echo "run.sh: warning: the machine is busy; -j 2 figures will be low. Busiest processes:" >&2
	ps -eo pid,pcpu,comm --sort=-pcpu | sed -n 2,4p >&2
fi

# pack load: `sectors` loads every installed pack; best of 20 process runs
best_ns=""
i=0
while [ $i -lt 20 ]; do
	i=$((i + 1))
	t0=$(date +%s%N)
	"$BIN" sectors >/dev/null
	t1=$(date +%s%N)
	d=$((t1 - t0))
	if [ -z "$best_ns" ] || [ "$d" -lt "$best_ns" ]; then best_ns=$d; fi
done
"$TIME" -v -o "$TMP/time" "$BIN" sectors >/dev/null
sectors_rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/time")
echo "  sectors    best of 20: $(awk "BEGIN { printf \"%.1f\", $best_ns / 1e6 }") ms" \
	"(max RSS $sectors_rss KiB)" >&2

for n in $SIZES; do
	dir=$(ensure_data "$n")
	reps=${BENCH_REPEAT:-$([ "$n" -lt 100000 ] && echo 3 || echo 1)}
	warm "$dir"
	for j in 1 2; do
		PRE="rm -f $TMP/p.xlsx" measure portfolio "$n" "$j" "$reps" -- \
			"$BIN" assess "$dir" -p "$TMP/p.xlsx" -q -j "$j"
	done
done

dir=$(ensure_data $WB_N)
warm "$dir"
for j in 1 2; do
	PRE="rm -rf $TMP/wb" measure workbooks $WB_N "$j" "${BENCH_REPEAT:-3}" -- \
		"$BIN" assess "$dir" -o "$TMP/wb" -q -j "$j"
done
nwb=$(find "$TMP/wb" -name '*.xlsx' | wc -l)
[ "$nwb" -eq $WB_N ] || { echo "run.sh: expected $WB_N workbooks, found $nwb" >&2; exit 1; }

# ---- report ---------------------------------------------------------------
echo
awk -v load_ns="$best_ns" -v t_rate="$T_PORTFOLIO_RATE" -v t_wb="$T_WORKBOOK_RATE" \
	-v t_rss="$T_PEAK_RSS_MIB" -v t_growth="$T_RSS_GROWTH" -v t_speedup="$T_SPEEDUP" \
	-v t_load="$T_LOAD_MS" '
{ name[NR] = $1; n[NR] = $2; j[NR] = $3; wall[NR] = $4; cpu[NR] = $5; rss[NR] = $6
  key = $1 " " $2; if ($3 == 1) one[key] = $4; else two[key] = $4 }
END {
	printf "%-10s %8s %3s %9s %9s %12s %10s %10s %8s\n", "run", "n", "-j", "wall s",
		"cpu s", "items/s", "per core", "RSS MiB", "speedup"
	for (i = 1; i <= NR; i++) {
		key = name[i] " " n[i]
		rate = n[i] / wall[i]
		sp = (j[i] == 2 && one[key] > 0) ? sprintf("%.2fx", one[key] / wall[i]) : "-"
		printf "%-10s %8d %3d %9.3f %9.2f %12.0f %10.0f %10.1f %8s\n", name[i], n[i], j[i],
			wall[i], cpu[i], rate, rate / j[i], rss[i] / 1024, sp
		if (name[i] == "portfolio") {
			if (rss[i] > maxrss) maxrss = rss[i]
			if (rss[i] > pmax[j[i]]) pmax[j[i]] = rss[i]
			if (pmin[j[i]] == 0 || rss[i] < pmin[j[i]]) pmin[j[i]] = rss[i]
			if (j[i] == 2 && rate > best2) best2 = rate
			if (j[i] == 2 && (worst2 == 0 || rate < worst2)) worst2 = rate
			if (j[i] == 2 && (minsp == 0 || one[key] / wall[i] < minsp)) minsp = one[key] / wall[i]
		} else if (rate / j[i] > wbcore) wbcore = rate / j[i]
		if (name[i] == "workbooks" && rss[i] > maxrss) maxrss = rss[i]
	}
	printf "\npack load (diligo sectors, whole process, best of 20): %.1f ms\n", load_ns / 1e6
	printf "\nTargets (bench/README.md, 2 cores):\n"
	printf "  %-58s %s\n", sprintf("portfolio >= %d questionnaires/s at -j 2 (slowest: %.0f)",
		t_rate, worst2), (worst2 >= t_rate ? "met" : "MISSED")
	printf "  %-58s %s\n", sprintf("workbooks >= %d/s per core (best: %.0f)", t_wb, wbcore),
		(wbcore >= t_wb ? "met" : "MISSED")
	printf "  %-58s %s\n", sprintf("peak RSS < %d MiB (max: %.1f MiB)", t_rss, maxrss / 1024),
		(maxrss < t_rss * 1024 ? "met" : "MISSED")
	for (k = 1; k <= 2; k++)
		printf "  %-58s %s\n", sprintf("portfolio RSS flat 1k..100k at -j %d (%.1f..%.1f MiB)",
			k, pmin[k] / 1024, pmax[k] / 1024), (pmax[k] <= t_growth * pmin[k] ? "met" : "MISSED")
	printf "  %-58s %s\n", sprintf("-j 2 >= %.1fx -j 1 on the portfolio (lowest: %.2fx)",
		t_speedup, minsp), (minsp >= t_speedup ? "met" : "MISSED")
	printf "  %-58s %s\n", sprintf("loading all packs < %d ms (%.1f ms)", t_load, load_ns / 1e6),
		(load_ns < t_load * 1e6 ? "met" : "MISSED")
}' "$RESULTS"

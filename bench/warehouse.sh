#!/usr/bin/env bash
# The two warehouses side by side, in one run: SQLite (a file) and PostgreSQL
# (a throwaway local cluster on a Unix socket, fsync on), on the ingest
# benchmark's 1M messy records (bench/gen_messy.py, 10 files):
#   ingest      one `pikir ingest` of all 10 files into an empty warehouse
#   ingest-4    4 `pikir ingest` processes at once, files dealt round-robin
#   agg         `pikir agg --db … --by region,year` on the 1M warehouse
#   yearly      `pikir report yearly --year 2024 -o x.html` on the 1M warehouse
# Rounds alternate SQLite and PostgreSQL; medians are printed with the ratio
# PostgreSQL / SQLite. See bench/README.md, section "Warehouse benchmark".
#
# usage: bench/warehouse.sh [FOLDER]     (default bench/.out/messy, generated if missing)
# env:   N=3  PIKIR=.build/release/pikir  PG_URL=postgresql://… (default: a cluster of its own)
# Reports, never gates: exits 0 once it has measured.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=bench/.out
N=${N:-3}
PIKIR=${PIKIR:-.build/release/pikir}
DATA=${1:-$OUT/messy}
DATA=${DATA%/}
mkdir -p "$OUT"
log() { printf '==> %s\n' "$*" >&2; }

[[ -s "$DATA/expected.json" ]] || { log "generating 1,000,000 records into $DATA"; python3 bench/gen_messy.py 1000000 "$DATA" 10; }
[[ -x "$PIKIR" ]] || swift build -c release --product pikir
/usr/bin/time --version 2>&1 | grep -q GNU || apt-get install -y -qq time >/dev/null

OWN_CLUSTER=0
if [[ -z "${PG_URL:-}" ]]; then
  export PIKIR_PG_DIR=${TMPDIR:-/tmp}/pikir-bench-pg-$$ PIKIR_PG_DURABLE=1
  PG_URL=$(scripts/pg-test-cluster.sh start)
  OWN_CLUSTER=1
  trap 'scripts/pg-test-cluster.sh stop >/dev/null 2>&1 || true' EXIT
fi
# The bench database, created anew for every ingest.
ADMIN=$PG_URL
PG_DB="${PG_URL%%\?*}"; PG_Q="${PG_URL#*\?}"; [[ "$PG_Q" == "$PG_URL" ]] && PG_Q=""
PG_BENCH="${PG_DB%/*}/pikir_bench${PG_Q:+?$PG_Q}"
fresh() {  # $1 = sqlite|pg: an empty warehouse address
  if [[ $1 == sqlite ]]; then rm -f "$OUT/wh-bench.sqlite"*; echo "$OUT/wh-bench.sqlite"
  else psql "$ADMIN" -q -c "DROP DATABASE IF EXISTS pikir_bench WITH (FORCE)" -c "CREATE DATABASE pikir_bench" >/dev/null; echo "$PG_BENCH"; fi
}
files=("$DATA"/*.csv "$DATA"/*.txt)
timed() {  # prints "seconds peak_kb" of a command (whatever its exit status: ingest exits 2 when it rejects)
  /usr/bin/time -f '%e %M' -o "$OUT/wh-bench.time" "$@" >/dev/null 2>&1 || true
  tail -1 "$OUT/wh-bench.time"
}
declare -A R
for round in $(seq 1 "$N"); do
  for backend in sqlite pg; do
    db=$(fresh $backend)
    read -r s kb < <(timed "$PIKIR" ingest --db "$db" --format json "${files[@]}")
    R[$backend.ingest]+="$s "
    read -r s kb < <(timed "$PIKIR" agg --db "$db" --by region,year)
    R[$backend.agg]+="$s "
    read -r s kb < <(timed "$PIKIR" report yearly --db "$db" --year 2024 --lang ru -o "$OUT/wh-bench-yearly.html")
    R[$backend.yearly]+="$s "
    db=$(fresh $backend)
    t0=${EPOCHREALTIME/[.,]/}
    pids=()
    for k in 0 1 2 3; do
      part=(); for i in "${!files[@]}"; do (( i % 4 == k )) && part+=("${files[$i]}"); done
      "$PIKIR" ingest --db "$db" --jobs 1 "${part[@]}" >/dev/null 2>&1 & pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || true; done
    t1=${EPOCHREALTIME/[.,]/}
    R[$backend.ingest4]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", (b-a)/1e6}') "
    log "round $round $backend: ingest, ingest-4, agg, yearly: $(for k in ingest ingest4 agg yearly; do v=${R[$backend.$k]% }; printf '%s ' "${v##* }"; done)"
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
printf '\n%-34s %10s %12s %8s\n' "1M messy records (medians of $N)" SQLite PostgreSQL "PG/SQLite"
for key in ingest ingest4 agg yearly; do
  a=$(median "${R[sqlite.$key]}"); b=$(median "${R[pg.$key]}")
  case $key in
    ingest) label="ingest, one process (s)";; ingest4) label="ingest, 4 processes at once (s)";;
    agg) label="agg --db --by region,year (s)";; yearly) label="report yearly, 1M (s)";;
  esac
  printf '%-34s %10s %12s %8s\n' "$label" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", b/a}')"
done
a=$(median "${R[sqlite.ingest]}"); b=$(median "${R[pg.ingest]}")
printf '%-34s %10s %12s\n' "ingest rows/s" "$(awk -v s="$a" 'BEGIN{printf "%d", 1000000/s}')" "$(awk -v s="$b" 'BEGIN{printf "%d", 1000000/s}')"

#!/usr/bin/env bash
# Aggregation benchmark: `pikir agg --csv` (and `--db`) against DuckDB, pandas,
# GNU datamash and Miller on the same query over the generated clean CSV:
#   group by region, year: n, mean, sd, median of `overall`; NPS of `nps`;
# and pikir alone on the messy exports of the ingest benchmark (10 files, every
# encoding and dialect), as time per record against the clean 1M file.
# See bench/README.md, section "Aggregation benchmark".
#
# usage: bench/agg.sh [--rebuild-db]
#   --rebuild-db  re-create the warehouse bench/.out/agg.sqlite even if it is current
# env:
#   N=5                          timed runs per tool and size (interleaved: pikir,
#                                duckdb, duckdb-cli, pandas, datamash, miller, again)
#   SIZES=100k,1m,messy,db       what to measure (db: `pikir agg --db` on the 1M warehouse;
#                                messy: `pikir agg --csv` on the messy exports, pikir only)
#   MESSY=bench/.out/messy       the messy exports (bench/gen_messy.py, 1M records in 10
#                                files, generated when MESSY/expected.json is missing)
#   SKIP=                        comma list of tools to leave out (pikir,duckdb,
#                                duckdb-cli,pandas,datamash,miller)
#   PIKIR=.build/release/pikir   pikir binary (built with `make build` only when
#                                missing and no other swift build is running)
#   TARGET_RSS_MB=64 TARGET_SPEEDUP_100K=3 TARGET_DB_S=1 TARGET_MESSY=1.5
# Peers missing from the machine are installed (pip / apt-get); a peer that cannot be
# installed, and pikir when `pikir agg` fails or is missing, are skipped with a note.
# Always exits 0 once it has measured: it reports, it does not gate.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."          # repo root
BENCH=bench
OUT=$BENCH/.out
N=${N:-5}
SIZES=${SIZES:-100k,1m,messy,db}
MESSY=${MESSY:-$OUT/messy}
MESSY=${MESSY%/}
TARGET_MESSY=${TARGET_MESSY:-1.5}
SKIP=${SKIP:-}
PIKIR=${PIKIR:-.build/release/pikir}
TARGET_RSS_MB=${TARGET_RSS_MB:-64}
TARGET_SPEEDUP_100K=${TARGET_SPEEDUP_100K:-3}
TARGET_DB_S=${TARGET_DB_S:-1}
F1M=$OUT/responses-1m.csv
F100K=$OUT/responses-100k.csv
DBF=$OUT/agg.sqlite

REBUILD_DB=0
for a in "$@"; do
  case "$a" in
    --rebuild-db) REBUILD_DB=1 ;;
    -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "agg.sh: unknown argument $a" >&2; exit 2 ;;
  esac
done
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "agg.sh: N must be a positive integer" >&2; exit 2; }
for s in ${SIZES//,/ }; do
  case "$s" in 100k|1m|messy|db) ;; *) echo "agg.sh: SIZES: unknown size $s (100k, 1m, messy, db)" >&2; exit 2 ;; esac
done
for t in ${SKIP//,/ }; do
  case "$t" in pikir|duckdb|duckdb-cli|pandas|datamash|miller) ;;
    *) echo "agg.sh: SKIP: unknown tool $t (pikir, duckdb, duckdb-cli, pandas, datamash, miller)" >&2; exit 2 ;; esac
done
want_size() { [[ ",$SIZES," == *",$1,"* ]]; }
skipped()   { [[ ",$SKIP," == *",$1,"* ]]; }

mkdir -p "$OUT"
log() { printf '==> %s\n' "$*" >&2; }
NOTES=$OUT/agg-notes.tsv                        # tool<TAB>why it was not measured
: >"$NOTES"
note() { log "$1 skipped: $2"; printf '%s\t%s\n' "$1" "$2" >>"$NOTES"; }
for t in ${SKIP//,/ }; do note "$t" "left out (SKIP)"; done
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
BUILDS_START=$(pgrep -fc swift-build || true)

apt_install() {  # apt_install PACKAGE
  command -v apt-get >/dev/null || return 1
  apt-get install -y -qq "$1" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$1" >/dev/null 2>&1; }
}

# --- GNU time ----------------------------------------------------------------
if ! /usr/bin/time --version 2>&1 | grep -q 'GNU'; then
  log "GNU time missing: apt-get install -y time"
  apt_install time || { echo "agg.sh: cannot install GNU time" >&2; exit 1; }
fi

# --- peers (installed when missing) -----------------------------------------------
TOOLS=()                                        # measured tools, in run order
VERSIONS=()
skipped pikir || TOOLS+=(pikir)
py_peer() {  # py_peer MODULE PIP-PACKAGE: install when missing; 0 when importable
  if ! python3 -c "import $1" 2>/dev/null; then
    log "python3 cannot import $1: python3 -m pip install $2"
    python3 -m pip install -q "$2" >"$OUT/agg-pip-$2.log" 2>&1 || true
  fi
  python3 -c "import $1" 2>/dev/null
}
if ! skipped duckdb; then
  if py_peer duckdb duckdb; then
    TOOLS+=(duckdb); VERSIONS+=("duckdb $(python3 -c 'import duckdb; print(duckdb.__version__)') (Python)")
  else
    note duckdb "python3 -m pip install duckdb failed (see $OUT/agg-pip-duckdb.log)"
  fi
fi
# The DuckDB command-line shell (PyPI package duckdb-cli ships the binary; we run the
# binary itself, not the Python entry point): DuckDB without Python's start-up.
DUCKDB_CLI=""
if ! skipped duckdb-cli; then
  if py_peer duckdb_cli duckdb-cli; then
    DUCKDB_CLI=$(python3 -c 'import duckdb_cli, os; print(os.path.join(os.path.dirname(duckdb_cli.__file__), "duckdb"))')
  fi
  if [[ -n "$DUCKDB_CLI" && -x "$DUCKDB_CLI" ]] && v=$("$DUCKDB_CLI" --version 2>/dev/null); then
    TOOLS+=(duckdb-cli); VERSIONS+=("duckdb-cli ${v%% *}")
  else
    note duckdb-cli "python3 -m pip install duckdb-cli failed or ships no runnable binary (see $OUT/agg-pip-duckdb-cli.log)"
  fi
fi
if ! skipped pandas; then
  if py_peer pandas pandas; then
    TOOLS+=(pandas); VERSIONS+=("pandas $(python3 -c 'import pandas; print(pandas.__version__)')")
  else
    note pandas "python3 -m pip install pandas failed (see $OUT/agg-pip-pandas.log)"
  fi
fi
if ! skipped datamash; then
  command -v datamash >/dev/null || { log "datamash missing: apt-get install -y datamash"; apt_install datamash || true; }
  if command -v datamash >/dev/null && command -v awk >/dev/null; then
    TOOLS+=(datamash)
    VERSIONS+=("datamash $(datamash --version | head -n 1 | awk '{print $NF}') (+ $(readlink -f "$(command -v awk)" | xargs basename))")
  else
    note datamash "datamash (or awk) not installed and apt-get install -y datamash failed"
  fi
fi
if ! skipped miller; then
  command -v mlr >/dev/null || { log "Miller missing: apt-get install -y miller"; apt_install miller || true; }
  if command -v mlr >/dev/null; then
    TOOLS+=(miller); VERSIONS+=("miller $(mlr --version | awk '{print $NF}')")
  else
    note miller "mlr not installed and apt-get install -y miller failed"
  fi
fi

# --- the query, per tool ----------------------------------------------------------
# Every tool reads the whole file and prints one result per (region, year) group:
# n, mean, sd (n-1), median (interpolating) of overall; n and NPS of nps, where
# NPS = 100 * (share of 9-10 - share of 0-6) among the non-empty nps answers.
# DuckDB, the same SQL for the Python package and the CLI (@FILE@: the CSV path).
read -r -d '' SQL_DUCKDB <<'SQL' || true
SELECT region, year,
       count(overall)        AS n,
       avg(overall)          AS mean,
       stddev_samp(overall)  AS sd,
       median(overall)       AS median,
       count(nps)            AS n_nps,
       (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) * 100.0::DOUBLE
         / count(nps)        AS nps
FROM read_csv('@FILE@', header = true)
GROUP BY region, year
ORDER BY region, year
SQL
read -r -d '' PY_DUCKDB <<'PY' || true
import json, sys
import duckdb
# A query that runs longer than 2 s (a loaded machine) draws a progress bar on stdout.
duckdb.execute("SET enable_progress_bar = false")
rel = duckdb.sql(sys.argv[1])
cols = rel.columns
json.dump([dict(zip(cols, r)) for r in rel.fetchall()], sys.stdout)
PY
read -r -d '' PY_PANDAS <<'PY' || true
import sys
import numpy as np
import pandas as pd
d = pd.read_csv(sys.argv[1], usecols=["region", "year", "overall", "nps"])
d["npsi"] = np.where(d["nps"].isna(), np.nan, np.where(d["nps"] >= 9, 100.0, np.where(d["nps"] <= 6, -100.0, 0.0)))
r = d.groupby(["region", "year"], sort=True).agg(
    n=("overall", "count"), mean=("overall", "mean"), sd=("overall", "std"),
    median=("overall", "median"), n_nps=("nps", "count"), nps=("npsi", "mean")).reset_index()
sys.stdout.write(r.to_json(orient="records", double_precision=15))
PY
# datamash does not parse CSV quoting: the comment (last column) holds quoted commas
# and, in 0.4% of the records, an embedded newline.  An awk pass keeps only the first
# physical line of each record (tracking quote parity), cuts region,year,overall,nps,
# writes NA for empty answers (datamash stops on an empty numeric field) and turns nps
# into +100/0/-100 so that datamash's mean of it is the NPS.
read -r -d '' SH_DATAMASH <<'SH' || true
set -o pipefail
awk -F, -v OFS=, '
  NR == 1 { print "region", "year", "overall", "npsi"; next }
  !q { print $2, $4, ($9 == "" ? "NA" : $9), ($14 == "" ? "NA" : ($14 >= 9 ? 100 : ($14 <= 6 ? -100 : 0))) }
  { if (gsub(/"/, "&") % 2) q = !q }' "$1" |
  datamash -t, --header-in --narm --format %.17g -s -g 1,2 count 3 mean 3 sstdev 3 median 3 count 4 mean 4
SH
MLR_PUT='if (is_not_empty($nps)) { $npsi = $nps >= 9 ? 100 : ($nps <= 6 ? -100 : 0) }'

cmd_for() {  # cmd_for TOOL SIZE -> sets CMD (array)
  local f="" sql
  case "$2" in 100k) f=$F100K ;; 1m) f=$F1M ;; esac
  sql=${SQL_DUCKDB//@FILE@/${f//\'/\'\'}}
  case "$1/$2" in
    pikir/db) CMD=("$PIKIR" agg --db "$DBF" --by region,year --measure overall,nps --stat n,mean,sd,median,nps --format json) ;;
    pikir/messy) CMD=("$PIKIR" agg --csv "$MESSY/" --by region,year --measure overall,nps --stat n,mean,sd,median,nps --format json) ;;
    pikir/*)  CMD=("$PIKIR" agg --csv "$f" --by region,year --measure overall,nps --stat n,mean,sd,median,nps --format json) ;;
    duckdb/*) CMD=(python3 -c "$PY_DUCKDB" "$sql") ;;
    duckdb-cli/*) CMD=("$DUCKDB_CLI" -json -c "$sql") ;;
    pandas/*) CMD=(python3 -c "$PY_PANDAS" "$f") ;;
    datamash/*) CMD=(bash -c "$SH_DATAMASH" agg-datamash "$f") ;;
    miller/*) CMD=(mlr --icsv --ojson put "$MLR_PUT" then stats1 -i -a count,mean,stddev,median -f overall,npsi -g region,year "$f") ;;
  esac
}

# --- data ----------------------------------------------------------------------
if [[ ! -s "$F1M" ]]; then
  log "generating $F1M (1,000,000 rows, about 7 s)"
  python3 "$BENCH/gen_responses.py" --rows 1000000 "$F1M"
fi
if [[ ! -s "$F100K" || "$F1M" -nt "$F100K" ]]; then
  # the first 100,000 records (not lines: some comments hold a newline)
  log "making $F100K (header + the first 100,000 records of $F1M)"
  awk -v want=100001 '{ print; if (gsub(/"/, "&") % 2) q = !q; if (!q && ++r >= want) exit }' "$F1M" >"$F100K.tmp"
  mv "$F100K.tmp" "$F100K"
fi
if want_size messy && [[ ! -s "$MESSY/expected.json" ]]; then
  log "generating the messy exports into $MESSY (1,000,000 records in 10 files, about a minute)"
  python3 "$BENCH/gen_messy.py" 1000000 "$MESSY" 10
fi
# Reference results from Python's stdlib (csv + statistics, exact arithmetic), one per
# file, cached until the CSV changes.  The same pass checks year == session_date[:4].
for s in 100k 1m; do
  f=$F100K; [[ $s == 1m ]] && f=$F1M
  if want_size "$s" || { [[ $s == 1m ]] && want_size db; }; then
    if [[ ! -s "$OUT/agg-ref-$s.json" || "$f" -nt "$OUT/agg-ref-$s.json" ]]; then
      log "computing the reference for $s with Python's stdlib (1M: about 10 s)"
      python3 "$BENCH/agg_check.py" ref "$f" "$OUT/agg-ref-$s.json"
    fi
  fi
done

# --- pikir ---------------------------------------------------------------------
HAVE_PIKIR=0
if [[ " ${TOOLS[*]} " == *" pikir "* ]]; then
  HAVE_PIKIR=1
  if [[ ! -x "$PIKIR" ]]; then
    if pgrep -f swift-build >/dev/null; then
      HAVE_PIKIR=0; note pikir "no binary at $PIKIR and another swift build is running; wait for it and run again"
    else
      log "no binary at $PIKIR: make build (swift build -c release --static-swift-stdlib)"
      if ! make --no-print-directory build >"$OUT/swift-build.log" 2>&1 || [[ ! -x "$PIKIR" ]]; then
        tail -n 20 "$OUT/swift-build.log" >&2
        HAVE_PIKIR=0; note pikir "swift build failed, see $OUT/swift-build.log"
      fi
    fi
  fi
fi
PIKIR_MTIME=""
(( HAVE_PIKIR )) && { PIKIR_MTIME=$(stat -c %Y "$PIKIR"); log "pikir: $PIKIR ($(stat -c '%y' "$PIKIR" | cut -d. -f1))"; }

# --- one run under GNU time: sets T_WALL (s) T_RSS (KiB) T_RC ---------------------
# wall from bash's EPOCHREALTIME (µs; %e only has 10 ms resolution), RSS = %M (KiB:
# for the datamash pipeline the largest process of it, not the sum).
TF=$OUT/.time.$$
timed() {  # timed STDOUT_FILE STDERR_FILE CMD...
  local out=$1 err=$2; shift 2
  local t0 t1 us
  T_RC=0
  rm -f "$TF"
  t0=${EPOCHREALTIME/[.,]/}
  /usr/bin/time -f '%e %M' -o "$TF" "$@" >"$out" 2>"$err" || T_RC=$?
  t1=${EPOCHREALTIME/[.,]/}
  us=$(( t1 - t0 ))
  printf -v T_WALL '%d.%06d' $(( us / 1000000 )) $(( us % 1000000 ))
  T_RSS=$(tail -n 1 "$TF" 2>/dev/null | awk '{print $2}')
  [[ "$T_RSS" =~ ^[0-9]+$ ]] || T_RSS=0
  rm -f "$TF"
}
is_json_array() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if isinstance(d, list) and d else 1)' "$1" 2>/dev/null; }
first_err() { local l; l=$(grep -m 1 -v '^[[:space:]]*$' "$1" 2>/dev/null || true); echo "${l:0:160}"; }

# Does `pikir agg` exist and answer?  One untimed run on the 100k file.
if (( HAVE_PIKIR )); then
  cmd_for pikir 100k
  timed "$OUT/agg-pikir-100k.out" "$OUT/agg-pikir-100k.err" "${CMD[@]}"
  if (( T_RC != 0 )); then
    HAVE_PIKIR=0; note pikir "\`pikir agg --csv\` exited $T_RC: $(first_err "$OUT/agg-pikir-100k.err")"
  elif ! is_json_array "$OUT/agg-pikir-100k.out"; then
    HAVE_PIKIR=0; note pikir "\`pikir agg --csv\` did not print a JSON array (see $OUT/agg-pikir-100k.out)"
  fi
fi

# --- the warehouse for --db --------------------------------------------------------
DB_NOTE=""
ingest_db() {
  rm -f "$DBF" "$DBF-wal" "$DBF-shm" "$DBF-journal"
  log "building the warehouse: pikir ingest --db $DBF $F1M (about 10-20 s)"
  timed "$OUT/agg-ingest.out" "$OUT/agg-ingest.err" "$PIKIR" ingest --db "$DBF" "$F1M"
  if (( T_RC != 0 )); then
    DB_NOTE="\`pikir ingest\` exited $T_RC: $(first_err "$OUT/agg-ingest.err")"; return 1
  fi
  DB_BUILT="built by pikir ingest in ${T_WALL%????} s"
}
DB_BUILT="existing warehouse"
if want_size db; then
  if (( ! HAVE_PIKIR )); then
    DB_NOTE="no working pikir"
  elif (( REBUILD_DB )) || [[ ! -s "$DBF" || "$F1M" -nt "$DBF" ]]; then
    ingest_db || true
  fi
  if [[ -z "$DB_NOTE" ]]; then
    cmd_for pikir db
    for attempt in 1 2; do
      timed "$OUT/agg-pikir-db.out" "$OUT/agg-pikir-db.err" "${CMD[@]}"
      if (( T_RC == 0 )) && is_json_array "$OUT/agg-pikir-db.out"; then DB_NOTE=""; break; fi
      DB_NOTE="\`pikir agg --db\` exited $T_RC: $(first_err "$OUT/agg-pikir-db.err")"
      (( T_RC == 0 )) && DB_NOTE="\`pikir agg --db\` did not print a JSON array (see $OUT/agg-pikir-db.out)"
      # maybe a warehouse from an older pikir: rebuild once and retry
      (( attempt == 1 )) && [[ "$DB_BUILT" == "existing warehouse" ]] && ingest_db && continue
      break
    done
  fi
  [[ -n "$DB_NOTE" ]] && { log "--db skipped: $DB_NOTE"; printf 'pikir-db\t%s\n' "$DB_NOTE" >>"$NOTES"; }
fi

# --- sanity runs (untimed; outputs kept for the checks), then timed runs -----------
RES=$OUT/agg-runs.tsv
printf 'size\ttool\trun\twall_s\trss_kb\trc\n' >"$RES"
for size in ${SIZES//,/ }; do
  run_tools=()
  if [[ $size == messy ]]; then
    # pikir alone: the peers would need each file's encoding and dialect spelt out.
    (( HAVE_PIKIR )) || continue
    log "messy: warming page cache ($(( $(du -sk "$MESSY" | cut -f1) / 1024 )) MiB)"
    cat "$MESSY"/* >/dev/null 2>&1 || true
    cmd_for pikir messy
    timed "$OUT/agg-pikir-messy.out" "$OUT/agg-pikir-messy.err" "${CMD[@]}"
    if (( T_RC != 0 )); then
      note pikir-messy "exited $T_RC on the messy sanity run: $(first_err "$OUT/agg-pikir-messy.err")"
      continue
    fi
    run_tools=(pikir)
  elif [[ $size == db ]]; then
    [[ -z "$DB_NOTE" ]] && want_size db && run_tools=(pikir)
    log "db: warming page cache ($(( $(stat -c %s "$DBF" 2>/dev/null || echo 0) / 1048576 )) MiB)"
    cat "$DBF" >/dev/null 2>&1 || true
  else
    f=$F100K; [[ $size == 1m ]] && f=$F1M
    log "$size: warming page cache ($(( $(stat -c %s "$f") / 1048576 )) MiB)"
    cat "$f" >/dev/null
    for t in "${TOOLS[@]}"; do
      [[ $t == pikir ]] && (( ! HAVE_PIKIR )) && continue
      if [[ $t == pikir && $size == 100k ]]; then run_tools+=(pikir); continue; fi  # ran above
      log "$size: sanity run of $t"
      cmd_for "$t" "$size"
      timed "$OUT/agg-$t-$size.out" "$OUT/agg-$t-$size.err" "${CMD[@]}"
      if (( T_RC != 0 )); then
        note "$t" "exited $T_RC on the $size sanity run: $(first_err "$OUT/agg-$t-$size.err")"
      else
        run_tools+=("$t")
      fi
    done
  fi
  (( ${#run_tools[@]} )) || continue
  for ((i = 1; i <= N; i++)); do
    log "$size: run $i/$N (${run_tools[*]})"
    for t in "${run_tools[@]}"; do
      cmd_for "$t" "$size"
      timed /dev/null "$OUT/agg-$t-$size.run.err" "${CMD[@]}"
      printf '%s\t%s\t%d\t%s\t%s\t%s\n' "$size" "$t" "$i" "$T_WALL" "$T_RSS" "$T_RC" >>"$RES"
      (( T_RC == 0 )) || log "$size: $t run $i exited $T_RC (stderr: $OUT/agg-$t-$size.run.err)"
    done
  done
done

# --- report ------------------------------------------------------------------------------
PIKIR_CHANGED=""
if [[ -n "$PIKIR_MTIME" && -e "$PIKIR" && $(stat -c %Y "$PIKIR") != "$PIKIR_MTIME" ]]; then
  PIKIR_CHANGED="$PIKIR was rebuilt while the benchmark ran: its numbers mix two builds"
fi
AGG_N=$N AGG_SIZES=$SIZES AGG_NOTES=$NOTES AGG_DB=$DBF AGG_DB_BUILT=$DB_BUILT \
AGG_F100K=$F100K AGG_F1M=$F1M AGG_MESSY=$MESSY AGG_TARGET_MESSY=$TARGET_MESSY AGG_VERSIONS="$(printf '%s; ' "${VERSIONS[@]}")" \
AGG_LOAD_START=$LOAD_START AGG_BUILDS_START=$BUILDS_START AGG_BUILDS_END="$(pgrep -fc swift-build || true)" \
AGG_PIKIR_CHANGED=$PIKIR_CHANGED AGG_TARGET_RSS_MB=$TARGET_RSS_MB \
AGG_TARGET_SPEEDUP_100K=$TARGET_SPEEDUP_100K AGG_TARGET_DB_S=$TARGET_DB_S \
  python3 "$BENCH/agg_check.py" report "$RES" "$OUT" || log "report failed (raw runs in $RES)"
rm -f "$TF"
exit 0

#!/usr/bin/env bash
# Ingest benchmark: `pikir ingest --format json` of 1,000,000 generated messy
# records (bench/gen_messy.py, 10 export files) into a fresh warehouse.
# See bench/README.md, section "Ingest benchmark".
#
# usage: bench/ingest.sh [--regen] [FOLDER]
#   --regen   regenerate the data even if FOLDER/expected.json exists
#   FOLDER    exports to ingest (default bench/.out/messy, generated if missing)
# env:
#   N=3                            timed runs (each into a fresh warehouse)
#   ROWS=1000000 FILES=10          generator arguments when (re)generating
#   PIKIR=.build/release/pikir     pikir binary (built with `make build` only when
#                                  missing)
#   DB=bench/.out/messy.sqlite     the warehouse (deleted before every run); a
#                                  postgresql://… address measures PostgreSQL (its
#                                  schema `pikir` is dropped before every run), e.g.
#                                  DB=$(PIKIR_PG_DURABLE=1 scripts/pg-test-cluster.sh start)
#   TARGET_ROWS_S=150000 TARGET_RSS_MB=200
# Always exits 0 once it has measured: it reports, it does not gate.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."          # repo root
BENCH=bench
OUT=$BENCH/.out
N=${N:-3}
ROWS=${ROWS:-1000000}
FILES=${FILES:-10}
PIKIR=${PIKIR:-.build/release/pikir}
DB=${DB:-$OUT/messy.sqlite}
TARGET_ROWS_S=${TARGET_ROWS_S:-150000}
TARGET_RSS_MB=${TARGET_RSS_MB:-200}

REGEN=0; DATA=""
for a in "$@"; do
  case "$a" in
    --regen) REGEN=1 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "ingest.sh: unknown option $a" >&2; exit 2 ;;
    *) DATA=${a%/} ;;
  esac
done
DATA=${DATA:-$OUT/messy}
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "ingest.sh: N must be a positive integer" >&2; exit 2; }

mkdir -p "$OUT"
log() { printf '==> %s\n' "$*" >&2; }

# --- GNU time ----------------------------------------------------------------
if ! /usr/bin/time --version 2>&1 | grep -q 'GNU'; then
  log "GNU time missing: apt-get install -y time"
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi

# --- data ----------------------------------------------------------------------
GEN_NOTE="existing data"
if (( REGEN )) || [[ ! -s "$DATA/expected.json" ]]; then
  log "generating $ROWS records in $FILES files into $DATA"
  t0=${EPOCHREALTIME/[.,]/}
  python3 "$BENCH/gen_messy.py" "$ROWS" "$DATA" "$FILES"
  t1=${EPOCHREALTIME/[.,]/}
  GEN_NOTE="generated in $(( (t1 - t0) / 1000000 )).$(( (t1 - t0) / 100000 % 10 )) s"
fi
BYTES=$(find "$DATA" -maxdepth 1 -type f \( -name '*.csv' -o -name '*.txt' -o -name '*.tsv' \) -printf '%s\n' \
  | awk '{s += $1} END {print s + 0}')

# --- pikir ---------------------------------------------------------------------
if [[ ! -x "$PIKIR" ]]; then
  if pgrep -f swift-build >/dev/null; then
    log "no binary at $PIKIR and another swift build is running; wait for it and run again"
    exit 0
  fi
  log "no binary at $PIKIR: make build (swift build -c release --static-swift-stdlib)"
  if ! make --no-print-directory build >"$OUT/swift-build.log" 2>&1 || [[ ! -x "$PIKIR" ]]; then
    log "swift build FAILED (tail of $OUT/swift-build.log below); nothing measured"
    tail -n 20 "$OUT/swift-build.log" >&2
    exit 0
  fi
fi
log "pikir: $PIKIR ($(stat -c '%y' "$PIKIR" | cut -d. -f1))"

# --- one run under GNU time: sets T_WALL (s) T_ELAPSED (%e) T_RSS (KiB) T_RC -------
# wall from bash's EPOCHREALTIME (µs; %e only has 10 ms resolution), RSS = %M (KiB).
TF=$OUT/.time.$$
is_postgres() { [[ "$DB" == postgresql://* || "$DB" == postgres://* ]]; }
fresh_db() {
  if is_postgres; then psql -X -q "$DB" -c 'DROP SCHEMA IF EXISTS pikir CASCADE' >/dev/null 2>&1
  else rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"; fi
}
db_bytes() {
  if is_postgres; then
    psql -X -tA "$DB" -c "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pikir' AND c.relkind = 'r'" 2>/dev/null || echo 0
  elif [[ -f "$DB" ]]; then stat -c %s "$DB"; else echo 0; fi
}
timed() {  # timed STDOUT_FILE CMD...
  local out=$1; shift
  local t0 t1 us
  T_RC=0
  rm -f "$TF"
  t0=${EPOCHREALTIME/[.,]/}
  /usr/bin/time -f '%e %M' -o "$TF" "$@" >"$out" 2>"$out.stderr" || T_RC=$?
  t1=${EPOCHREALTIME/[.,]/}
  us=$(( t1 - t0 ))
  printf -v T_WALL '%d.%06d' $(( us / 1000000 )) $(( us % 1000000 ))
  read -r T_ELAPSED T_RSS < <(tail -n 1 "$TF") || true
  [[ "${T_RSS:-}" =~ ^[0-9]+$ ]] || T_RSS=0
  rm -f "$TF"
}

log "warming page cache ($(( BYTES / 1048576 )) MiB)"
cat "$DATA"/* >/dev/null 2>&1 || true

RES=$OUT/ingest-runs.tsv
printf 'run\twall_s\telapsed_s\trss_kb\trc\tdb_bytes\tjson\n' >"$RES"
for ((i = 1; i <= N; i++)); do
  fresh_db
  log "run $i/$N: pikir ingest --db $DB --format json $DATA/"
  json=$OUT/ingest-run-$i.json
  timed "$json" "$PIKIR" ingest --db "$DB" --format json "$DATA/"
  dbb=$(db_bytes)
  printf '%d\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$T_WALL" "$T_ELAPSED" "$T_RSS" "$T_RC" "$dbb" "$json" >>"$RES"
  if (( T_RC != 0 )); then log "run $i exited $T_RC (stderr: $json.stderr)"; fi
done

# --- report ------------------------------------------------------------------------------
python3 - "$RES" "$DATA" "$BYTES" "$N" "$TARGET_ROWS_S" "$TARGET_RSS_MB" "$GEN_NOTE" "$PIKIR" <<'PY'
import csv, json, os, statistics as st, sys
res, data, nbytes, n, trows, trss, gen_note, pikir = sys.argv[1:9]
nbytes, trows, trss = int(nbytes), float(trows), float(trss)
MiB = 1048576
runs = list(csv.DictReader(open(res), delimiter="\t"))
exp = json.load(open(os.path.join(data, "expected.json")))
et = exp["totals"]
KEYS = ("records", "accepted", "rejected", "duplicates", "ignored")

print()
print(f"ingest benchmark  data={data}  files={exp['files']}  data records={et['data_records']}  "
      f"size={nbytes / MiB:.1f} MiB ({gen_note})  runs={n}  nproc={os.cpu_count()}  "
      f"load={' '.join(f'{x:.2f}' for x in os.getloadavg())}")

problems = []
parsed = []
for r in runs:
    out = None
    try:
        out = json.load(open(r["json"]))
    except Exception as e:  # noqa: BLE001
        problems.append(f"run {r['run']}: no JSON output ({e.__class__.__name__}); rc={r['rc']}")
    parsed.append(out)

print(f"{'run':>4}{'wall s':>10}{'%e s':>8}{'records':>10}{'rows/s':>10}{'peak RSS MiB':>14}{'warehouse MiB':>15}{'rc':>4}")
walls, rates, rsss = [], [], []
for r, out in zip(runs, parsed):
    w, rss = float(r["wall_s"]), int(r["rss_kb"]) / 1024
    recs = out["totals"]["records"] if out else 0
    rate = recs / w if w > 0 else 0
    print(f"{r['run']:>4}{w:>10.3f}{r['elapsed_s']:>8}{recs:>10}{rate:>10.0f}{rss:>14.1f}"
          f"{int(r['db_bytes']) / MiB:>15.1f}{r['rc']:>4}")
    if r["rc"] == "0" and out:
        walls.append(w); rates.append(rate); rsss.append(rss)

# --- accounting checks, on every run's JSON ---
for r, out in zip(runs, parsed):
    if not out:
        continue
    t = out["totals"]
    tag = f"run {r['run']}"
    if t["records"] != t["accepted"] + t["rejected"] + t["duplicates"] + t["ignored"]:
        problems.append(f"{tag}: totals do not balance: records {t['records']} != accepted + rejected + duplicates + ignored")
    if t.get("failed", 0) or t.get("skipped", 0):
        problems.append(f"{tag}: {t.get('failed', 0)} failed, {t.get('skipped', 0)} skipped files")
    byname = {os.path.basename(f["path"]): f for f in out["files"]}
    for e in exp["file_list"]:
        f = byname.get(e["path"])
        if f is None:
            problems.append(f"{tag}: {e['path']} missing from the output"); continue
        if f["status"] != "ingested":
            problems.append(f"{tag}: {e['path']}: status {f['status']}: {f.get('message', '')}")
        if f["records"] != f["accepted"] + f["rejected"] + f["duplicates"] + f["ignored"]:
            problems.append(f"{tag}: {e['path']}: does not balance")
        diff = [f"{k} {f[k]} (expected {e[k]})" for k in KEYS if f[k] != e[k]]
        if diff and r["run"] == "1":
            problems.append(f"{tag}: {e['path']}: " + ", ".join(diff))

first = next((o for o in parsed if o), None)
if first:
    t = first["totals"]
    print()
    print(f"{'':<10}" + "".join(f"{k:>12}" for k in KEYS) + f"{'redactions':>12}")
    print(f"{'pikir':<10}" + "".join(f"{t[k]:>12}" for k in KEYS) + f"{t.get('redactions', 0):>12}")
    print(f"{'expected':<10}" + "".join(f"{et[k]:>12}" for k in KEYS))
    bal = t["records"] == t["accepted"] + t["rejected"] + t["duplicates"] + t["ignored"]
    print(f"balance: records {t['records']} = {t['accepted']} + {t['rejected']} + {t['duplicates']} + {t['ignored']}"
          f" -> {'OK' if bal else 'BROKEN'}")
    dev = abs(t["accepted"] - et["accepted"]) / max(1, et["accepted"])
    off = "exact" if dev == 0 else "off by %+d (%.3f%%)" % (t["accepted"] - et["accepted"], dev * 100)
    print(f"accepted {t['accepted']} vs expected {et['accepted']}: {off}"
          f" -> {'OK' if dev <= 0.001 else 'NOT CLOSE (> 0.1%)'}")
    if dev > 0.001:
        problems.append("accepted is more than 0.1% away from the expected count")

summary = dict(data=data, bytes=nbytes, runs=len(runs), ok_runs=len(walls), problems=problems,
               expected={k: et[k] for k in KEYS})
print()
if walls:
    med = st.median(walls)
    recs = first["totals"]["records"]
    rate = recs / med
    rss = max(rsss)
    summary.update(median_wall=med, min_wall=min(walls), max_wall=max(walls), rows_per_s=rate,
                   peak_rss_mib=rss, records=recs, mib_per_s=nbytes / MiB / med)
    print(f"median wall {med:.3f} s (min {min(walls):.3f}, max {max(walls):.3f}) over {len(walls)} runs; "
          f"{nbytes / MiB / med:.1f} MiB/s")
    valid = "" if not problems else "  (NOT VALID: see problems below)"
    print(f"throughput: {rate:,.0f} rows/s (records / median wall)  target >= {trows:,.0f} rows/s -> "
          f"{'MET' if rate >= trows else 'MISSED'}{valid}")
    print(f"peak RSS (max over runs): {rss:.1f} MiB  target < {trss:g} MB -> "
          f"{'MET' if rss * MiB < trss * 1e6 else 'MISSED'}")
else:
    print("no successful run: nothing to compare with the targets")
if problems:
    print("problems:")
    for p in problems[:40]:
        print("  - " + p)
    if len(problems) > 40:
        print(f"  ... {len(problems) - 40} more")
json.dump(summary, open(os.path.join(os.path.dirname(res), "ingest-summary.json"), "w"), indent=1)
PY
rm -f "$TF"
exit 0

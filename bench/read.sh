#!/usr/bin/env bash
# Raw-read benchmark: `pikir inspect --format json FILE` vs the libcsv floor
# (bench/csvfloor.c).  See bench/README.md.
#
# usage: bench/read.sh [--flat] [--no-build] [FILE]
#   --flat      also run pikir once on a 4x bigger file (bench/.out/responses-4m.csv,
#               ~850 MB, made by concatenation) to show that peak RSS stays flat
#   --no-build  do not run `swift build` (use whatever binary $PIKIR points at)
#   FILE        input CSV (default bench/.out/responses-1m.csv, generated if missing)
# env:
#   N=5                          timed runs per tool (alternating floor, pikir, floor, ...)
#   PIKIR=.build/release/pikir   pikir binary
#   TARGET_RATIO=1.3  TARGET_RSS_MB=64
# Always exits 0 once the measurements ran: it reports, it does not gate.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."          # repo root
BENCH=bench
OUT=$BENCH/.out
BUILD=$BENCH/.build
N=${N:-5}
PIKIR=${PIKIR:-.build/release/pikir}
TARGET_RATIO=${TARGET_RATIO:-1.3}
TARGET_RSS_MB=${TARGET_RSS_MB:-64}

FLAT=0; BUILD_PIKIR=1; FILE=""
for a in "$@"; do
  case "$a" in
    --flat) FLAT=1 ;;
    --no-build) BUILD_PIKIR=0 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "read.sh: unknown option $a" >&2; exit 2 ;;
    *) FILE=$a ;;
  esac
done
FILE=${FILE:-$OUT/responses-1m.csv}
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "read.sh: N must be a positive integer" >&2; exit 2; }

mkdir -p "$OUT" "$BUILD"
log() { printf '==> %s\n' "$*" >&2; }

# --- GNU time ----------------------------------------------------------------
if ! /usr/bin/time --version 2>&1 | grep -q 'GNU'; then
  log "GNU time missing: apt-get install -y time"
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi

# --- floor ---------------------------------------------------------------------
log "building csvfloor"
cc -O2 -o "$BUILD/csvfloor" "$BENCH/csvfloor.c" -lcsv
FLOOR=$BUILD/csvfloor

# --- data ----------------------------------------------------------------------
if [[ ! -s "$FILE" ]]; then
  if [[ "$FILE" == "$OUT/responses-1m.csv" ]]; then
    log "generating $FILE"
    python3 "$BENCH/gen_responses.py" --rows 1000000 "$FILE"
  else
    echo "read.sh: $FILE not found" >&2; exit 2
  fi
fi
SIZE=$(stat -c %s "$FILE")

# --- pikir ---------------------------------------------------------------------
HAVE_PIKIR=1
PIKIR_NOTE=""
if (( BUILD_PIKIR )); then
  log "make build (swift build -c release --static-swift-stdlib)"
  if ! make --no-print-directory build >"$OUT/swift-build.log" 2>&1; then
    log "swift build FAILED (tail of $OUT/swift-build.log below); pikir skipped"
    tail -n 20 "$OUT/swift-build.log" >&2
    HAVE_PIKIR=0; PIKIR_NOTE="swift build failed, see $OUT/swift-build.log"
  fi
fi
if (( HAVE_PIKIR )) && [[ ! -x "$PIKIR" ]]; then
  log "no pikir binary at $PIKIR; pikir skipped"
  HAVE_PIKIR=0; PIKIR_NOTE="no binary at $PIKIR"
fi

# --- one run under GNU time: sets T_WALL (s) T_RSS (KiB) T_RC -------------------
# wall from bash's EPOCHREALTIME (µs; %e only has 10 ms resolution), RSS = %M (KiB).
# Runs in the current shell (no subshell) so nothing outlives the call.
TF=$OUT/.time.$$
timed() {  # timed STDOUT_FILE CMD...
  local out=$1; shift
  local t0 t1 us
  T_RC=0
  rm -f "$TF"
  t0=${EPOCHREALTIME/[.,]/}
  /usr/bin/time -f '%e %M' -o "$TF" "$@" >"$out" || T_RC=$?
  t1=${EPOCHREALTIME/[.,]/}
  us=$(( t1 - t0 ))
  printf -v T_WALL '%d.%06d' $(( us / 1000000 )) $(( us % 1000000 ))
  T_RSS=$(tail -n 1 "$TF" | awk '{print $2}')
  [[ "$T_RSS" =~ ^[0-9]+$ ]] || T_RSS=0
  rm -f "$TF"
}

# --- warm-up + sanity (untimed in the table) --------------------------------------
log "warming page cache ($((SIZE / 1048576)) MiB)"
cat "$FILE" >/dev/null

timed "$OUT/floor.out" "$FLOOR" "$FILE"
(( T_RC == 0 )) || { echo "read.sh: csvfloor failed (rc=$T_RC)" >&2; exit 1; }
read -r FLOOR_ROWS FLOOR_FIELDS <"$OUT/floor.out"

PIKIR_RECORDS=""
if (( HAVE_PIKIR )); then
  timed "$OUT/inspect.json" "$PIKIR" inspect --format json "$FILE"
  if (( T_RC != 0 )); then
    log "pikir inspect failed (rc=$T_RC) on the sanity run; pikir skipped"
    HAVE_PIKIR=0; PIKIR_NOTE="pikir inspect exited $T_RC on the sanity run"
  else
    PIKIR_RECORDS=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d=d[0] if isinstance(d,list) else d; print(d["records"])' \
      "$OUT/inspect.json" 2>/dev/null) || PIKIR_RECORDS="?"
  fi
fi

# --- timed runs, alternating ---------------------------------------------------------
RES=$OUT/read-runs.tsv
printf 'tool\trun\twall_s\trss_kb\trc\n' >"$RES"
for ((i = 1; i <= N; i++)); do
  log "run $i/$N"
  timed /dev/null "$FLOOR" "$FILE"
  printf 'floor\t%d\t%s\t%s\t%s\n' "$i" "$T_WALL" "$T_RSS" "$T_RC" >>"$RES"
  if (( HAVE_PIKIR )); then
    timed /dev/null "$PIKIR" inspect --format json "$FILE"
    printf 'pikir\t%d\t%s\t%s\t%s\n' "$i" "$T_WALL" "$T_RSS" "$T_RC" >>"$RES"
  fi
done

# --- optional: 4x file, peak RSS must stay flat ---------------------------------------
FLAT_LINE=""
if (( FLAT && HAVE_PIKIR )); then
  if [[ "$FILE" == "$OUT/responses-1m.csv" ]]; then BIG=$OUT/responses-4m.csv
  else BIG=$OUT/$(basename "$FILE" .csv)-x4.csv; fi
  if [[ ! -s "$BIG" || $(stat -c %s "$BIG") -ne $(( 4 * SIZE - 3 * $(head -n 1 "$FILE" | wc -c) )) ]]; then
    log "building $BIG (4x $FILE, header once)"
    { cat "$FILE"; for _ in 1 2 3; do tail -n +2 "$FILE"; done; } >"$BIG.tmp" && mv "$BIG.tmp" "$BIG"
  fi
  log "pikir on the 4x file (one run)"
  cat "$BIG" >/dev/null || true
  timed "$OUT/inspect-4x.json" "$PIKIR" inspect --format json "$BIG"
  rec4=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d=d[0] if isinstance(d,list) else d; print(d["records"])' \
    "$OUT/inspect-4x.json" 2>/dev/null || echo "?")
  FLAT_LINE="$T_WALL $T_RSS $T_RC $(stat -c %s "$BIG") $rec4"
elif (( FLAT )); then
  log "--flat skipped: no working pikir"
fi

# --- report ------------------------------------------------------------------------------
python3 - "$RES" "$SIZE" "$FILE" "$FLOOR_ROWS" "$FLOOR_FIELDS" "$PIKIR_RECORDS" \
  "$TARGET_RATIO" "$TARGET_RSS_MB" "$N" "$FLAT_LINE" "$PIKIR_NOTE" <<'PY'
import csv, json, os, statistics as st, sys
res, size, path, frows, ffields, precs, tratio, trss, n, flat, note = sys.argv[1:12]
size, frows, ffields, tratio, trss = int(size), int(frows), int(ffields), float(tratio), float(trss)
MiB = 1048576
runs = {}
for r in csv.DictReader(open(res), delimiter="\t"):
    runs.setdefault(r["tool"], []).append(r)
print()
print(f"raw-read benchmark  file={path}  size={size/MiB:.1f} MiB  runs/tool={n}  "
      f"nproc={os.cpu_count()}  load={' '.join(f'{x:.2f}' for x in os.getloadavg())}")
print(f"{'tool':<8}{'median s':>10}{'min s':>9}{'max s':>9}{'med RSS MiB':>13}{'MiB/s':>9}{'failed':>8}")
summary = {}
for tool in ("floor", "pikir"):
    rs = runs.get(tool)
    if not rs:
        print(f"{tool:<8}  (skipped: {note or 'no working pikir'})")
        continue
    ok = [r for r in rs if r["rc"] == "0"]
    bad = len(rs) - len(ok)
    if not ok:
        print(f"{tool:<8}{'(all runs failed)':>40}{bad:>8}")
        continue
    w = [float(r["wall_s"]) for r in ok]
    m = [int(r["rss_kb"]) / 1024 for r in ok]
    s = summary[tool] = dict(median=st.median(w), min=min(w), max=max(w),
                             rss=st.median(m), rss_max=max(m), mibs=size / MiB / st.median(w))
    print(f"{tool:<8}{s['median']:>10.3f}{s['min']:>9.3f}{s['max']:>9.3f}"
          f"{s['rss']:>13.1f}{s['mibs']:>9.1f}{bad:>8}")
print()
print(f"rows: floor {frows} (incl. header; {ffields} fields, {ffields/frows:.2f}/row)", end="")
agree = False
if precs:
    agree = precs.isdigit() and int(precs) == frows - 1
    print(f" | pikir records {precs} -> {'OK (= floor rows - 1)' if agree else 'MISMATCH, expected ' + str(frows - 1)}")
else:
    print(" | pikir: n/a")
if "floor" in summary and "pikir" in summary:
    ratio = summary["pikir"]["median"] / summary["floor"]["median"]
    rss = summary["pikir"]["rss_max"]
    fails = len(runs["pikir"]) - len([r for r in runs["pikir"] if r["rc"] == "0"])
    caveat = "" if agree and not fails else \
        "  (NOT VALID: " + ", ".join(x for x in ["row count mismatch" if not agree else "",
                                              f"{fails} failed runs" if fails else ""] if x) + ")"
    print(f"ratio pikir/floor (medians): {ratio:.2f}x  target <= {tratio}x  -> "
          f"{'MET' if ratio <= tratio else 'MISSED'}{caveat}")
    print(f"pikir peak RSS (max over runs): {rss:.1f} MiB  target < {trss:g} MiB  -> "
          f"{'MET' if rss < trss else 'MISSED'}")
    summary["ratio"] = ratio
    summary["valid"] = not caveat
if flat:
    w, r, rc, bsize, rec4 = flat.split()
    r = int(r) / 1024
    print(f"--flat: pikir on {int(bsize)/MiB:.0f} MiB (4x): {float(w):.3f} s, peak RSS {r:.1f} MiB"
          + (f" (1x median {summary['pikir']['rss']:.1f} MiB, x{r/summary['pikir']['rss']:.2f})" if 'pikir' in summary else "")
          + f", records {rec4} (expected {4*(frows-1)}), rc={rc}, "
          + f"RSS target < {trss:g} MiB -> {'MET' if r < trss and rc == '0' else 'MISSED'}")
    summary["flat"] = dict(wall=float(w), rss=r, rc=int(rc), records=rec4)
json.dump(summary, open(os.path.join(os.path.dirname(res), "read-summary.json"), "w"), indent=1)
PY
exit 0

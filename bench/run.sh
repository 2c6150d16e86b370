#!/usr/bin/env bash
# Pipeline benchmark: `pikir run` on 1,000,000 generated messy records spread
# over 200 export files (bench/gen_messy.py), ingest with one core against two
# (taskset), then the no-change rerun. See bench/README.md, "Pipeline benchmark".
#
# usage: bench/run.sh            env: N=3 runs per setting, PIKIR=.build/release/pikir
# Always exits 0 once it has measured: it reports, it does not gate.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=bench/.out
N=${N:-3}
PIKIR=${PIKIR:-.build/release/pikir}
DATA=$OUT/messy200
WORK=$OUT/run-bench
log() { printf '==> %s\n' "$*" >&2; }

command -v taskset >/dev/null || { log "taskset missing (util-linux)"; exit 0; }
/usr/bin/time --version 2>&1 | grep -q GNU || apt-get install -y -qq time >/dev/null
if [[ ! -s $DATA/expected.json ]]; then
  log "generating 1,000,000 records in 200 files into $DATA"
  python3 bench/gen_messy.py 1000000 "$DATA" 200 >/dev/null
fi
if [[ ! -x $PIKIR ]]; then
  log "building pikir (release)"
  swift build -c release --product pikir >"$OUT/swift-build.log" 2>&1
fi
mkdir -p "$WORK"
cat >"$WORK/bench.toml" <<TOML
[pipeline]
name = "bench"
warehouse = "pikir.sqlite"
output = "out"

[inputs]
exports = ["../messy200/*.csv", "../messy200/*.txt", "../messy200/*.tsv"]

[[stage]]
type = "ingest"
TOML
# Keep only the patterns that match something (the generator's extensions vary).
python3 - "$WORK/bench.toml" "$DATA" <<'PY'
import glob, os, sys
toml, data = sys.argv[1], sys.argv[2]
exts = sorted({os.path.splitext(p)[1] for p in glob.glob(os.path.join(data, "*")) if p.endswith((".csv", ".txt", ".tsv"))})
text = open(toml).read()
pats = ", ".join(f'"../messy200/*{e}"' for e in exts)
text = text.replace('exports = ["../messy200/*.csv", "../messy200/*.txt", "../messy200/*.tsv"]', f"exports = [{pats}]")
open(toml, "w").write(text)
PY

run_once() {  # run_once CPUS -> prints "wall rss"
  rm -rf "$WORK/pikir.sqlite"* "$WORK/out"
  local t0=${EPOCHREALTIME/[.,]/}
  /usr/bin/time -f '%M' -o "$WORK/.time" taskset -c "$1" "$PIKIR" run "$WORK/bench.toml" --quiet >/dev/null 2>"$WORK/.stderr" || true
  local t1=${EPOCHREALTIME/[.,]/}
  echo "$(( (t1 - t0) / 1000 )) $(tail -1 "$WORK/.time")"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

one=(); two=()
for ((i = 1; i <= N; i++)); do
  read -r ms rss < <(run_once 0);   one+=("$ms"); log "1 core : ${ms} ms, ${rss} KiB"
  read -r ms rss < <(run_once 0,1); two+=("$ms"); log "2 cores: ${ms} ms, ${rss} KiB"
done
# The no-change rerun, on the warehouse the last run left.
rerun=()
for ((i = 1; i <= N; i++)); do
  t0=${EPOCHREALTIME/[.,]/}
  "$PIKIR" run "$WORK/bench.toml" --quiet >/dev/null 2>&1 || true
  t1=${EPOCHREALTIME/[.,]/}
  rerun+=("$(( (t1 - t0) / 1000 ))")
done
m1=$(printf '%s\n' "${one[@]}" | median); m2=$(printf '%s\n' "${two[@]}" | median); mr=$(printf '%s\n' "${rerun[@]}" | median)
rows=$(python3 -c "import json;print(json.load(open('$DATA/expected.json'))['rows'])" 2>/dev/null || echo 1000000)
printf '\npikir run, ingest stage, %s records in 200 files (N=%s, medians)\n' "$rows" "$N"
printf '  1 core  (taskset -c 0):   %7.2f s  %8.0f rows/s\n' "$(echo "$m1/1000" | bc -l)" "$(echo "$rows*1000/$m1" | bc -l)"
printf '  2 cores (taskset -c 0,1): %7.2f s  %8.0f rows/s\n' "$(echo "$m2/1000" | bc -l)" "$(echo "$rows*1000/$m2" | bc -l)"
printf '  speed-up: %.2fx (target >= 1.6x)\n' "$(echo "$m1/$m2" | bc -l)"
printf '  no-change rerun: %.3f s (target < 0.5 s)\n' "$(echo "$mr/1000" | bc -l)"

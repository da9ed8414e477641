#!/usr/bin/env bash
# Run the peer extractors over the shared evaluation sets, score them with
# pith-eval, draw the charts and write docs/benchmarks.md.
#
#   bench/run.sh [--tools a,b] [--sets x,y] [--force] [--no-eval] [--data DIR]
#                [--wait-load L]
#
# Outputs already in bench/out/<tool>/<set>.jsonl are kept unless --force.
# Peers run one at a time (one process per tool and set, one thread).
# --wait-load L: before each run, wait (up to 10 minutes) for the 1-minute load
# average to drop under L, for steadier timings on a shared machine.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
DATA="${PITH_DATA:-$ROOT/../shared/data}"
OUT="$HERE/out"
VENV="$HERE/.venv"
PIP_VERSION="26.3"

ALL_PY_TOOLS="resiliparse htmldate boilerpy3 justext trafilatura readability-lxml goose3 newspaper4k"
ALL_NODE_TOOLS="readability-js defuddle"
ALL_SETS="scrapinghub trafilatura-eval mozilla-readability defuddle htmldate-eval"

tools="" sets="" force=0 run_eval=1 wait_load=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tools) tools="${2//,/ }"; shift 2 ;;
    --sets) sets="${2//,/ }"; shift 2 ;;
    --force) force=1; shift ;;
    --no-eval) run_eval=0; shift ;;
    --wait-load) wait_load="$2"; shift 2 ;;
    --data) DATA="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
tools="${tools:-$ALL_PY_TOOLS $ALL_NODE_TOOLS}"
sets="${sets:-$ALL_SETS}"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
is_node_tool() { case " $ALL_NODE_TOOLS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# Single-threaded numeric libraries, in case any tool pulls one in.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
export PYTHONWARNINGS=ignore

setup_python() {
  local stamp="$VENV/.requirements.sha256"
  local want; want="$(sha256sum "$HERE/requirements.txt" | cut -d' ' -f1)"
  if [ -x "$VENV/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  log "installing the Python peers into bench/.venv"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  # pip >= 24 is needed: older pips fail on the lxml[html-clean] extra here.
  "$VENV/bin/python" -m pip install -q "pip==$PIP_VERSION"
  "$VENV/bin/python" -m pip install -q -r "$HERE/requirements.txt"
  echo "$want" > "$stamp"
}

setup_node() {
  local stamp="$HERE/node_modules/.lock.sha256"
  local want; want="$(sha256sum "$HERE/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  log "installing the Node.js peers into bench/node_modules"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}

need_node=0 need_py=0
for t in $tools; do
  if is_node_tool "$t"; then need_node=1; else need_py=1; fi
done
setup_python  # always: charts.py and crosscheck.py need matplotlib
[ "$need_node" = 1 ] && setup_node

mkdir -p "$OUT"
failed=""
for t in $tools; do
  for s in $sets; do
    if [ ! -f "$DATA/$s/manifest.jsonl" ]; then
      log "no set $s under $DATA: skipped"; continue
    fi
    if [ -f "$OUT/$t/$s.jsonl" ] && [ "$force" = 0 ]; then
      log "$t on $s: output exists, kept (--force to redo)"; continue
    fi
    if [ -n "$wait_load" ]; then
      for _ in $(seq 120); do
        awk -v l="$wait_load" '{ exit !($1 < l) }' /proc/loadavg && break
        sleep 5
      done
    fi
    log "$t on $s (load $(cut -d' ' -f1 /proc/loadavg))"
    if is_node_tool "$t"; then
      cmd=(node "$HERE/peers.mjs" --tool "$t" --set "$s" --data "$DATA" --out "$OUT")
    else
      cmd=("$VENV/bin/python" "$HERE/peers.py" --tool "$t" --set "$s" --data "$DATA" --out "$OUT")
    fi
    mkdir -p "$OUT/logs"
    if ! "${cmd[@]}" 2> "$OUT/logs/$t.$s.stderr" | tee -a "$OUT/runs.log"; then
      log "$t on $s FAILED (see bench/out/logs/$t.$s.stderr)"; failed="$failed $t/$s"
    fi
  done
done

# Python cross-check of the outputs (the reference scores come from pith-eval).
"$VENV/bin/python" "$HERE/crosscheck.py" --out "$OUT" --data "$DATA" --json "$OUT/crosscheck.json" \
  | tee "$OUT/crosscheck.txt"

mkdir -p "$ROOT/docs/img"
if [ "$run_eval" = 1 ]; then
  log "scoring pith and the peers with pith-eval"
  rev="commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [ -n "$(git -C "$ROOT" status --porcelain -- crates Cargo.lock 2>/dev/null)" ]; then
    rev="$rev with uncommitted changes in crates/"
  fi
  echo "$rev" > "$OUT/pith-revision.txt"
  if ! (cd "$ROOT" && cargo run --release -q -p pith-eval -- \
          --peers "$OUT" --json "$ROOT/docs/benchmarks.json" --markdown "$OUT/pith-eval.md"); then
    log "pith-eval failed or does not take these flags yet; the doc falls back to bench/out/crosscheck.json"
    rm -f "$OUT/pith-eval.md"
  fi
fi

"$VENV/bin/python" "$HERE/charts.py" "$ROOT/docs/benchmarks.json" "$ROOT/docs/img/" \
  --fallback-json "$OUT/crosscheck.json" --tables "$OUT/pith-eval.md" \
  --doc "$ROOT/docs/benchmarks.md"

if [ -n "$failed" ]; then
  log "failed runs:$failed"
  exit 1
fi
log "done"

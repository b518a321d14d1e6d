#!/usr/bin/env bash
# Exploration throughput: schedules per second of `gilsim explore --strategy random` on two
# threads × three `with lock:` increments, with one worker and with two; and of `pos`, the
# default strategy, on one worker; and of `pos` on a script whose imports (logging, queue)
# dominate its runs, which resume from a copy of the program's state at its first choice
# (docs/exploring.md). Each figure is the
# median of N timings of RUNS runs, minus the median time of a 1-run explore (process start,
# compiling, the program image), so it measures the runs alone.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-5}
RUNS=${RUNS:-50000}
SCRIPT=bench/cases/locked_increments_2x3.py
cargo build --release -q
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_us() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
STRATEGY=random
explore() { ./target/release/gilsim explore "$SCRIPT" --seed 1 --strategy "$STRATEGY" "$@"; }
startup=$(for _ in $(seq "$N"); do time_us explore --runs 1 --jobs 1; done | median)
rate() {
  local jobs=$1 t
  t=$(for _ in $(seq "$N"); do time_us explore --runs "$RUNS" --jobs "$jobs"; done | median)
  awk -v t="$t" -v s="$startup" -v r="$RUNS" 'BEGIN { printf "%.0f", r / ((t - s) / 1e6) }'
}
one=$(rate 1)
two=$(rate 2)
STRATEGY=pos
pos=$(rate 1)
echo "explore, $RUNS runs of $SCRIPT, median of $N (start-up ${startup} us subtracted):"
echo "  --jobs 1: $one schedules/s (issue 18 target >= 250000)"
awk -v a="$one" -v b="$two" 'BEGIN { printf "  --jobs 2: %d schedules/s, %.2fx --jobs 1 (issue 18 target >= 1.8x)\n", b, b / a }'
echo "  --strategy pos, --jobs 1: $pos schedules/s"
SCRIPT=bench/cases/logging_queue_workers.py
RUNS=${IMPORT_RUNS:-2000}
startup=$(for _ in $(seq "$N"); do time_us explore --runs 1 --jobs 1; done | median)
echo "  $SCRIPT, $RUNS runs, --strategy pos, --jobs 1: $(rate 1) schedules/s"


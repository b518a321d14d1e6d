#!/usr/bin/env bash
# Engine benchmarks, each under gilsim and under CPython 3.11 in the same run (interleaved, so
# machine noise hits both): the seeds' case 11 (2 threads × 10^6 unlocked updates), the
# locked counter (4 threads × 10^5 `with lock:` updates), and the workloads of issue 18
# (recursive calls, a dict/list loop, formatting, method calls with attribute stores, a
# queue between two threads, a Condition ping-pong), f-strings with `str.format`, short-lived
# objects the detectors track (object_churn) and text built up by `+=` and a StringIO
# (text_accumulate), JSON records dumped and loaded (json_records), and a deque as a
# breadth-first search's work list, a ring and a bounded buffer (deque_worklist). Prints
# medians of N runs (and their ranges) and ratios, and the cost of the detectors (gilsim with
# them, the default, vs `--no-detect`).
# CASES="fib_24 formatting" limits the run to those cases of bench/cases/. CALLGRIND=1 also
# counts the machine instructions of a run with and without the detectors (needs valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-7}
PY=${PY:-$HOME/.pyenv/versions/3.11.7/bin/python}
cargo build --release -q
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
spread() { sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {print lo "-" hi}'; }
time_it() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
bench() {
  local name=$1 script=$2 g=() c=() n=()
  for _ in $(seq "$N"); do
    g+=("$(time_it ./target/release/gilsim run "$script" -q)")
    n+=("$(time_it ./target/release/gilsim run "$script" -q --no-detect)")
    c+=("$(time_it env -u PYTHONUNBUFFERED "$PY" "$script")")
  done
  local gm nm cm instr
  gm=$(printf '%s\n' "${g[@]}" | median)
  nm=$(printf '%s\n' "${n[@]}" | median)
  cm=$(printf '%s\n' "${c[@]}" | median)
  instr=$(./target/release/gilsim run "$script" --format json | grep '"instructions"' | tr -dc 0-9)
  echo "$name, median of $N: gilsim ${gm} us, CPython 3.11 ${cm} us"
  # The range shows a workload whose runs fall into two speeds per process (the queue's,
  # both interpreters': docs/performance.md), where a median of few runs can land in either.
  echo "  range: gilsim $(printf '%s\n' "${g[@]}" | spread) us, CPython $(printf '%s\n' "${c[@]}" | spread) us"
  awk -v g="$gm" -v c="$cm" -v i="$instr" \
    'BEGIN { printf "  ratio gilsim/CPython: %.2f; %d instructions, %.1f M instructions/s\n", g / c, i, i / g }'
  awk -v g="$gm" -v n="$nm" \
    'BEGIN { printf "  detectors: %d us with, %d us without (--no-detect): %.2fx\n", g, n, g / n }'
  if [ -n "${CALLGRIND:-}" ]; then
    # Machine instructions (callgrind): steady under load, where the wall-clock detector
    # ratio above can swing by 20 % or more.
    local with without
    with=$(machine_instructions "$script")
    without=$(machine_instructions "$script" --no-detect)
    awk -v w="$with" -v o="$without" \
      'BEGIN { printf "  detectors by machine instructions: %.3f G with, %.3f G without: %.3fx\n", w / 1e9, o / 1e9, w / o }'
  fi
}
# Machine instructions a gilsim run executes (valgrind's callgrind; CALLGRIND=1 asks for it).
machine_instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null ./target/release/gilsim run -q "$@" 2>&1 >/dev/null |
    awk '/refs:/ { gsub(",", "", $4); print $4 }'
}
CASES=${CASES:-"unlocked_counter locked_counter fib_24 dict_list_loop formatting text_building method_attr queue_producer_consumer condition_ping_pong object_churn text_accumulate json_records deque_worklist"}
for case in $CASES; do
  case $case in
    unlocked_counter) bench "case 11 (unlocked counter)" scenarios/seeds/11_unlocked_counter.py ;;
    *) bench "$case" "bench/cases/$case.py" ;;
  esac
done

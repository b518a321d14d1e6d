#!/usr/bin/env bash
# Engine benchmark: the seeds' case 11 (2 threads × 10^6 unlocked updates) under gilsim and
# under CPython 3.11, measured in the same run. Prints medians of N runs and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-7}
PY=${PY:-$HOME/.pyenv/versions/3.11.7/bin/python}
SCRIPT=scenarios/seeds/11_unlocked_counter.py
cargo build --release -q
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_it() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
g=(); c=()
for _ in $(seq "$N"); do
  g+=("$(time_it ./target/release/gilsim run "$SCRIPT" -q)")
  c+=("$(time_it env -u PYTHONUNBUFFERED "$PY" "$SCRIPT")")
done
gm=$(printf '%s\n' "${g[@]}" | median)
cm=$(printf '%s\n' "${c[@]}" | median)
instr=$(./target/release/gilsim run "$SCRIPT" --format json | grep '"instructions"' | tr -dc 0-9)
echo "case 11, median of $N: gilsim ${gm} us, CPython 3.11 ${cm} us"
awk -v g="$gm" -v c="$cm" -v i="$instr" 'BEGIN { printf "ratio gilsim/CPython: %.2f\ninstructions: %d, %.1f M instructions/s\n", g / c, i, i / g }'

#!/usr/bin/env bash
# The crash fuzzer (docs/robustness.md): generated programs, mutations of every scenario and
# byte-damaged copies, each run through the release gilsim binary as a child process under
# --max-steps 300000, --max-memory 256MiB and --max-output 1MiB, with run/explore/disasm/JSON/
# trace/check command lines and replays of hostile tokens, over every policy and several
# versions. Any exit status other than 0, 1 or 2, a signal, a run past 60 s or a resident
# size past 768 MiB is a failure; its input and command line are saved in $OUT (case-N.py,
# case-N.txt) and the script exits 1.
#   MINUTES=60 JOBS=2 bench/crash-fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${MINUTES:-60}
JOBS=${JOBS:-2}
SEED=${SEED:-0}
OUT=${OUT:-target/crash-fuzz}
cargo build --release -q -p gilsim-cli -p gilsim-fuzz
./target/release/gilsim-fuzz crash --gilsim target/release/gilsim --scenarios scenarios \
  --minutes "$MINUTES" --jobs "$JOBS" --seed "$SEED" --out "$OUT"

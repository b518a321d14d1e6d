#!/usr/bin/env bash
# The differential campaign of `dfs` with partial-order reduction (docs/exploring.md, "What
# explored all guarantees"): generated programs, checked against every schedule (or the search
# reduced by sleep sets alone, or bounded and sampled runs where both are too many), under
# 3.11 switch points (calls and back-edges) and 3.9's (every instruction). Prints the counts;
# any mismatching program is written to $OUT with what the reduced search missed, and can be
# shrunk with `gilsim-fuzz reduce FILE`.
#   PROGRAMS=10000 JOBS=2 CAP=3000 bench/dpor-campaign.sh   (3.11: ~115 programs a minute on 2
#   cores, so ~1.5 h per version; FROM= and VERSIONS= resume a stopped campaign, e.g.
#   VERSIONS=3.9 FROM=101500 PROGRAMS=8500 bench/dpor-campaign.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
PROGRAMS=${PROGRAMS:-10000}
JOBS=${JOBS:-2}
CAP=${CAP:-3000}
FROM=${FROM:-100000}
OUT=${OUT:-target/dpor-campaign}
VERSIONS=${VERSIONS:-3.11 3.9}
cargo build --release -q -p gilsim-fuzz
for python in $VERSIONS; do
  ./target/release/gilsim-fuzz dpor --programs "$PROGRAMS" --from "$FROM" --python "$python" \
    --cap "$CAP" --jobs "$JOBS" --save "$OUT/$python"
done

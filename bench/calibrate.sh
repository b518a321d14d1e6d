#!/usr/bin/env bash
# Timing-noise calibration (docs/policies.md): the seeds' case 11 (two threads, 10^6 unlocked
# `+=` / `-=` each) run RUNS times on each real interpreter and under gilsim with seeds
# 1..RUNS, per version; prints each side's sign mix (negative / zero / positive totals), the
# median |total|, their ratio and the two-sample Kolmogorov–Smirnov statistic D of the two
# spreads (with its 5 % critical value for these sample sizes).
# VERSIONS="2.7 3.9" limits the versions; TIMING=exact shows the noise-free model instead.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-30}
VERSIONS=${VERSIONS:-"2.7 3.6 3.7 3.8 3.9"}
TIMING=${TIMING:-noisy}
SCRIPT=scenarios/seeds/11_unlocked_counter.py
STATS_PY=$(ls -d "$HOME"/.pyenv/versions/3.11*/bin/python | head -1)
cargo build --release -q
out=$(mktemp -d)
for v in $VERSIONS; do
  py=$(ls -d "$HOME"/.pyenv/versions/"$v".*/bin/python | head -1)
  for i in $(seq "$RUNS"); do
    env -u PYTHONUNBUFFERED "$py" "$SCRIPT" | sed -n 's/^Done .... //p' >>"$out/cpython-$v"
    ./target/release/gilsim run "$SCRIPT" --python "$v" --seed "$i" --timing "$TIMING" -q \
      | sed -n 's/^Done .... //p' >>"$out/gilsim-$v" || true
  done
done
"$STATS_PY" - "$out" $VERSIONS <<'PY'
import math, statistics, sys
out, versions = sys.argv[1], sys.argv[2:]
def load(name):
    with open(f"{out}/{name}") as f:
        return [int(line) for line in f if line.strip()]
def signs(xs):
    return f"{sum(x < 0 for x in xs)}/{sum(x == 0 for x in xs)}/{sum(x > 0 for x in xs)}"
def ks(a, b):
    a, b = sorted(a), sorted(b)
    points = sorted(set(a + b))
    cdf = lambda xs, p: sum(x <= p for x in xs) / len(xs)
    return max(abs(cdf(a, p) - cdf(b, p)) for p in points)
print(f"{'python':7} {'CPython -/0/+':>14} {'gilsim -/0/+':>13} {'CPython med|t|':>15} {'gilsim med|t|':>14} {'ratio':>6} {'KS D':>5} {'D 5%':>5}")
for v in versions:
    c, g = load(f"cpython-{v}"), load(f"gilsim-{v}")
    mc = statistics.median(abs(x) for x in c)
    mg = statistics.median(abs(x) for x in g)
    ratio = mg / mc if mc else float("inf")
    critical = 1.358 * math.sqrt((len(c) + len(g)) / (len(c) * len(g)))
    print(f"{v:7} {signs(c):>14} {signs(g):>13} {mc:>15,.0f} {mg:>14,.0f} {ratio:>6.2f} {ks(c, g):>5.2f} {critical:>5.2f}")
PY
rm -rf "$out"

#!/usr/bin/env bash
# Peak memory (resident set, /usr/bin/time's %M) of a run as it grows longer: the object
# churn case (short-lived objects whose attributes, dict keys and list slots the detectors
# track) and the locked counter, each at its own length and at four times it, under gilsim
# with detectors (the default), with --no-detect, and under CPython 3.11. Issue 18's target is
# memory flat in run length: the 4x column should match the 1x one, not grow with it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-$HOME/.pyenv/versions/3.11.7/bin/python}
cargo build --release -q
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
# `case NAME SCRIPT VARIABLE`: the script as it is, and with VARIABLE's value four times larger.
case_() {
  local name=$1 script=$2 variable=$3 value
  value=$(sed -n "s/^$variable = \([0-9]*\)$/\1/p" "$script")
  sed "s/^$variable = $value$/$variable = $((value * 4))/" "$script" >"$scratch/long.py"
  printf '%-16s %14s %14s\n' "$name" "1x ($variable=$value)" "4x"
  for runner in "gilsim" "gilsim --no-detect" "CPython 3.11"; do
    local a b
    case $runner in
      gilsim) a=$(peak_kb ./target/release/gilsim run -q "$script"); b=$(peak_kb ./target/release/gilsim run -q "$scratch/long.py") ;;
      "gilsim --no-detect")
        a=$(peak_kb ./target/release/gilsim run -q --no-detect "$script")
        b=$(peak_kb ./target/release/gilsim run -q --no-detect "$scratch/long.py")
        ;;
      *) a=$(peak_kb env -u PYTHONUNBUFFERED "$PY" "$script"); b=$(peak_kb env -u PYTHONUNBUFFERED "$PY" "$scratch/long.py") ;;
    esac
    printf '  %-20s %8d KB %11d KB\n' "$runner" "$a" "$b"
  done
}
case_ object_churn bench/cases/object_churn.py N
case_ condition_ping_pong bench/cases/condition_ping_pong.py ROUNDS

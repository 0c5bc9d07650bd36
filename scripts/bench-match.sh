#!/usr/bin/env bash
# Issue 3 benchmarks: the solver against OR-tools (and greedy) through ../shared/bench/assign_bench.py, and
# scoring top-50 for 20,000 needs against 100,000 generated experts. Release build of kczy.
# Usage: scripts/bench-match.sh [solver|scoring|all]   (needs PyPI for the peer venv on first use)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
B=../shared/bench/assign_bench.py
PY=${BENCH_PY:-.venv-bench/bin/python}
out=bench-out
mkdir -p "$out"
swift build -c release --product kczy >/dev/null
KCZY=$(swift build -c release --show-bin-path)/kczy

if [ "$what" = solver ] || [ "$what" = all ]; then
    if [ ! -x "$PY" ]; then
        python3 -m venv .venv-bench && .venv-bench/bin/pip install -q numpy scipy lap ortools pandas
        PY=.venv-bench/bin/python
    fi
    ext="kczy=$KCZY match solve --instance {instance} --out {solution}"
    $PY $B run --sizes 2000x10000,20000x100000 --solvers mcf_ortools,greedy --write "$out/inst" \
        --save-solutions "$out/sol" --external "$ext"
    $PY $B run --sizes 20000x8000 --cap-min 2 --cap-max 4 --solvers mcf_ortools,greedy --write "$out/inst" \
        --save-solutions "$out/sol" --external "$ext"
fi

if [ "$what" = scoring ] || [ "$what" = all ]; then
    [ -f "$out/pool/experts.jsonl" ] || "$KCZY" match generate --needs 20000 --experts 100000 --seed 2026 --out "$out/pool"
    command -v /usr/bin/time >/dev/null || scripts/ensure-deps.sh time
    /usr/bin/time -v "$KCZY" match score --needs "$out/pool/needs.jsonl" --experts "$out/pool/experts.jsonl" \
        --top 50 --as-of 2026-06-01 --output "$out/scores.tsv" --timings 2> "$out/score-time.txt"
    grep -E "Elapsed|Maximum resident" "$out/score-time.txt"
    grep -E "phase|needs/s|total" "$out/score-time.txt" || true
fi

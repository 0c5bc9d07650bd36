#!/usr/bin/env bash
# `make test`: a throwaway cluster, the whole suite, and the cluster stopped whatever the outcome.
# `scripts/test.sh --fuzz` (`make fuzz`): the same cluster, then only the schemathesis run (scripts/fuzz-test.py,
# FUZZ_CASES from the environment; the Makefile defaults it to 5000).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

dir=.data/test-pg
cleanup() {
    scripts/pg-cluster.sh destroy "$dir" >/dev/null 2>&1
    # Only the private clusters suites left behind: the fuzz logs and browser screenshots there must survive the run.
    for d in .data/tmp/*; do
        if [ -e "$d/PG_VERSION" ] || [ -L "$d" ]; then scripts/pg-cluster.sh destroy "$d" >/dev/null 2>&1; fi
    done
    true
}
cleanup
trap cleanup EXIT

settings=$(KCZY_PGDATABASE=kczy_test scripts/pg-cluster.sh start "$dir" --fast) || { echo "test: cannot start PostgreSQL" >&2; exit 1; }
eval "$settings"
echo "test: PostgreSQL at $PGHOST (database $PGDATABASE)"
export PGHOST PGPORT PGUSER PGDATABASE

if [ "${1:-}" = --fuzz ]; then
    swift build --product kczy || exit $?
    KCZY="$(swift build --show-bin-path)/kczy" scripts/fuzz-test.py
    exit $?
fi

swift build --build-tests || exit $?
swift test --skip-build "$@"
status=$?

# The browser tests (headless Chromium from Debian, Playwright from PyPI) drive the real server over HTTP.
# They run on the whole suite, not on a filtered `scripts/test.sh --filter …` run; KCZY_BROWSER_TESTS=0 skips them.
if [ $# -eq 0 ] && [ "${KCZY_BROWSER_TESTS:-1}" != 0 ]; then
    echo "test: browser tests"
    KCZY="$(swift build --show-bin-path)/kczy" scripts/browser-test.sh || status=$?
fi
if [ $# -eq 0 ] && [ "${KCZY_OPS_TESTS:-1}" != 0 ]; then
    echo "test: operations tests"
    KCZY="$(swift build --show-bin-path)/kczy" scripts/ops-test.sh || status=$?
fi
exit $status

#!/usr/bin/env bash
# Operations tests run by `make test` after the Swift and browser suites (KCZY_OPS_TESTS=0 skips them):
# the deploy files validate offline; a dump of the demo database restores with every table's row count intact;
# then the multi-instance, failover and fuzz tests, each against the built `kczy` ($KCZY).
# Expects the PG* settings of the test cluster in the environment.
set -uo pipefail
cd "$(dirname "$0")/.."
KCZY=${KCZY:-$(swift build --show-bin-path)/kczy}
export KCZY
status=0
step() { echo "ops-test: $1"; }

step "deploy files"
scripts/validate-deploy.sh || status=1

step "backup and restore of the demo database"
db=kczy_backup_src
psql -q -X -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || status=1
if PGDATABASE=$db "$KCZY" migrate >/dev/null && PGDATABASE=$db "$KCZY" demo-data >/dev/null; then
    PGDATABASE=$db scripts/backup-test.sh || status=1
else
    echo "ops-test: could not load the demo database" >&2
    status=1
fi
psql -q -X -d postgres -c "DROP DATABASE IF EXISTS $db" || true

for t in multi-instance-test failover-test fuzz-test; do
    if [ -x "scripts/$t.py" ] || [ -x "scripts/$t.sh" ]; then
        step "$t"
        f=$(ls scripts/$t.py scripts/$t.sh 2>/dev/null | head -n 1)
        "$f" || status=1
    fi
done
exit $status

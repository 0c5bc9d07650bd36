#!/usr/bin/env bash
# Issue 5 batch benchmark, end to end: 20,000 needs × 100,000 experts loaded into PostgreSQL, then one match batch
# (load → score → feasibility → solve → write) run by `kczy batch run`, with each phase's time and peak memory.
# Target: under 2 minutes and under 3 GB.
#
#   scripts/bench-batch.sh [RUNS]        RUNS batches (default 1) on one freshly loaded database
#
# Environment (all optional):
#   KCZY        the kczy binary (default: $(swift build -c release --show-bin-path)/kczy; build it first)
#   BENCH_DB    database name (default kczy_bench; dropped and recreated)
#   PG_DIR      private cluster directory for scripts/pg-cluster.sh (default .data/dev)
#   POOL        pool directory (default bench-out/pool; generated when needs.jsonl/experts.jsonl are missing)
#   NEEDS EXPERTS SEED   pool size and seed for generation (20000, 100000, 2026)
#   SETTINGS    the batch settings JSON (default as_of 2026-06-01, term_start 2026-07-01, documented defaults)
#   OUT         where logs go (default bench-out/batch)
#   EXPLAIN=1   also EXPLAIN (ANALYZE, BUFFERS) the batch's load queries into $OUT/explain.txt
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
db=${BENCH_DB:-kczy_bench}
pool=${POOL:-bench-out/pool}
needs_n=${NEEDS:-20000}
experts_n=${EXPERTS:-100000}
seed=${SEED:-2026}
out=${OUT:-bench-out/batch}
settings=${SETTINGS:-'{"as_of": "2026-06-01", "term_start": "2026-07-01", "max_enterprises_per_expert": 1, "maximum_age": 55}'}
KCZY=${KCZY:-$(swift build -c release --show-bin-path)/kczy}
[ -x "$KCZY" ] || { echo "bench-batch: no kczy binary at $KCZY (swift build -c release --product kczy)" >&2; exit 1; }
mkdir -p "$out"

if [ ! -x /usr/bin/time ]; then
    echo "bench-batch: installing GNU time" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }

eval "$(KCZY_PGDATABASE=postgres scripts/pg-cluster.sh start "${PG_DIR:-.data/dev}")"
export PGHOST PGPORT PGUSER
export PGDATABASE=$db
psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\"" 2>/dev/null
"$KCZY" migrate --sql-dir sql --log-level warning >/dev/null

if [ ! -s "$pool/needs.jsonl" ] || [ ! -s "$pool/experts.jsonl" ]; then
    echo "## generating the pool ($needs_n needs, $experts_n experts, seed $seed) into $pool"
    mkdir -p "$pool"
    "$KCZY" match generate --needs "$needs_n" --experts "$experts_n" --seed "$seed" --out "$pool"
fi

echo "## load ($pool → $db)"
t=$(now)
python3 scripts/bench_batch_load.py --needs "$pool/needs.jsonl" --experts "$pool/experts.jsonl" | tee "$out/load.txt"
t_loaded=$(now)
psql -X -q -c "VACUUM (ANALYZE)"
t_analyzed=$(now)
load_s=$(secs "$t" "$t_loaded")
echo "load_wall_seconds=$load_s vacuum_analyze_seconds=$(secs "$t_loaded" "$t_analyzed")" | tee -a "$out/load.txt"
psql -X -tA -c "SELECT 'open needs=' || (SELECT count(*) FROM need WHERE status = 'open')
    || ' available experts (approved units)=' || (SELECT count(*) FROM expert e JOIN organization o ON o.id = e.unit_id
        WHERE e.status = 'available' AND o.status = 'approved')
    || ' db_size=' || pg_size_pretty(pg_database_size(current_database()))"

if [ "${EXPLAIN:-0}" = 1 ]; then
    # The SELECTs of Sources/Batches/BatchInput.swift with the default (empty) filters and this as_of.
    as_of=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["as_of"])' "$settings")
    {
        for q in \
            "SELECT n.id, n.title, n.description, n.technical_targets, n.keywords, n.tracks, n.disciplines, n.accepts_out_of_province, n.enterprise_id, n.preferred_expert_id, n.experts_needed, o.region_code FROM need n JOIN organization o ON o.id = n.enterprise_id WHERE n.status = 'open' AND (cardinality('{}'::text[]) = 0 OR n.tracks && '{}'::text[]) AND (cardinality('{}'::text[]) = 0 OR o.region_code = ANY('{}'::text[])) ORDER BY n.id" \
            "SELECT expert_id, unit_id, enterprise_id FROM conflict WHERE valid_until IS NULL OR valid_until >= '$as_of'::date" \
            "SELECT expert_id, unit_id, enterprise_id FROM cooperation" \
            "SELECT e.id, e.name, e.unit_id, e.summary, e.keywords, e.achievements, e.disciplines, e.tracks, o.region_code, o.out_of_province, e.capacity, e.degree, e.title_level, e.birth_year, e.management_post, e.status, e.available_from, e.available_to FROM expert e JOIN organization o ON o.id = e.unit_id WHERE e.status = 'available' AND o.status = 'approved' AND (cardinality('{}'::text[]) = 0 OR e.tracks && '{}'::text[]) ORDER BY e.id" \
            "SELECT expert_id, enterprise_id, count(*) FROM assignment WHERE status = 'active' GROUP BY 1, 2" \
            "SELECT need_id, expert_id, score, explanation::text FROM proposal WHERE batch_id = 1 AND locked AND status <> 'rejected' ORDER BY need_id, expert_id" \
            "SELECT need_id, expert_id FROM proposal WHERE batch_id = 1 AND status = 'rejected'"; do
            echo "=== $q"
            psql -X -c "EXPLAIN (ANALYZE, BUFFERS) $q"
        done
    } >"$out/explain.txt" 2>&1
    echo "query plans: $out/explain.txt"
fi

# Timestamps each log line as it arrives, so time outside the logged phases (building the result) shows too.
stamp() { while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done; }
field() { sed -nE "s/.*[ ]$1=([^ ]+).*/\1/p" | head -n 1; }

summary="$out/summary.md"
printf '| run | loading s | scoring s | feasibility s | solving s | result build s | writing s | total wall s | peak RSS MB | proposals | load avg 1 min (after run) |\n|---|---|---|---|---|---|---|---|---|---|---|\n' >"$summary"
for run in $(seq 1 "$runs"); do
    id=$(psql -X -tA -c "INSERT INTO match_batch (name, settings) VALUES ('bench run $run', '$settings') RETURNING id" | head -n 1)
    log="$out/run-$run.log"
    timef="$out/run-$run.time"
    echo "## run $run: batch $id ($(uptime | sed 's/.*load average/load average/'))"
    t_start=$(now)
    set +e
    /usr/bin/time -v -o "$timef" "$KCZY" batch run "$id" 2>&1 | stamp >"$log"
    rc=${PIPESTATUS[0]}
    set -e
    t_end=$(now)
    load_after=$(cut -d' ' -f1 /proc/loadavg)
    if [ "$rc" -ne 0 ]; then
        echo "batch run failed (exit $rc):" >&2
        tail -n 20 "$log" >&2
        exit 1
    fi
    declare -A s=() at=()
    for p in loading scoring feasibility solving; do
        line=$(grep "batch phase done" "$log" | grep " batch=$id " | grep " phase=$p " || true)
        s[$p]=$(echo "$line" | field seconds)
        at[$p]=$(echo "$line" | cut -d' ' -f1)
        echo "phase=$p seconds=${s[$p]} peak_rss_mb=$(echo "$line" | field peak_rss_mb)"
    done
    # `kczy batch run` may first run another runnable batch (a stale one): only this batch's lines count.
    done_line=$(grep "batch done" "$log" | grep " batch=$id ")
    write_s=$(echo "$done_line" | field write_seconds)
    t_done=$(echo "$done_line" | cut -d' ' -f1)
    # Between the end of solving and the end of writing: building proposals/alternates, then the write itself.
    build_s=$(awk -v a="${at[solving]}" -v b="$t_done" -v w="$write_s" 'BEGIN {printf "%.2f", b - a - w}')
    proposals=$(echo "$done_line" | field proposals)
    echo "phase=result_build seconds=$build_s (unlogged: plan.result between solving and the write)"
    echo "phase=writing seconds=$write_s peak_rss_mb=$(echo "$done_line" | field peak_rss_mb)"
    wall=$(secs "$t_start" "$t_end")
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timef")
    rss_mb=$((rss_kb / 1024))
    echo "total_wall_seconds=$wall (time -v: $(awk -F'): ' '/Elapsed/ {print $2}' "$timef"), user $(awk -F': ' '/User time/ {print $2}' "$timef") s, sys $(awk -F': ' '/System time/ {print $2}' "$timef") s, $(awk -F': ' '/Percent of CPU/ {print $2}' "$timef") CPU) peak_rss_mb=$rss_mb proposals=$proposals"
    verdict=$(awk -v w="$wall" -v r="$rss_mb" 'BEGIN {print (w < 120 && r < 3072) ? "target met (< 120 s, < 3072 MB)" : "TARGET MISSED (120 s / 3072 MB)"}')
    echo "$verdict"
    echo "| $run | ${s[loading]} | ${s[scoring]} | ${s[feasibility]} | ${s[solving]} | $build_s | $write_s | $wall | $rss_mb | $proposals | $load_after |" >>"$summary"

    echo "## sanity (batch $id)"
    psql -X -tA -F ' ' -v ON_ERROR_STOP=1 <<SQL
SELECT 'batch status=' || status || ' total_score=' || coalesce(total_score::text, '-')
    || ' diagnosis_entries=' || jsonb_array_length(diagnosis) FROM match_batch WHERE id = $id;
SELECT 'proposals=' || count(*) || ' distinct_needs=' || count(DISTINCT need_id) || ' distinct_experts=' || count(DISTINCT expert_id)
    || ' mean_score=' || coalesce(round(avg(score)::numeric, 4)::text, '-') FROM proposal WHERE batch_id = $id;
SELECT 'alternates=' || count(*) FROM proposal_alternate WHERE batch_id = $id;
SELECT 'open_needs=' || count(*) || ' demand=' || sum(experts_needed) FROM need WHERE status = 'open';
SELECT 'CHECK proposals <= demand: ' || CASE WHEN (SELECT count(*) FROM proposal WHERE batch_id = $id)
    <= (SELECT sum(experts_needed) FROM need WHERE status = 'open') THEN 'ok' ELSE 'FAIL' END;
SELECT 'CHECK no need over its demand: ' || CASE WHEN count(*) = 0 THEN 'ok' ELSE 'FAIL (' || count(*) || ')' END
FROM (SELECT p.need_id FROM proposal p JOIN need n ON n.id = p.need_id WHERE p.batch_id = $id
      GROUP BY p.need_id, n.experts_needed HAVING count(*) > n.experts_needed) x;
SELECT 'CHECK no expert over capacity (min(capacity, max_enterprises_per_expert)): '
    || CASE WHEN count(*) = 0 THEN 'ok' ELSE 'FAIL (' || count(*) || ')' END
FROM (SELECT p.expert_id FROM proposal p JOIN expert e ON e.id = p.expert_id JOIN match_batch b ON b.id = p.batch_id
      WHERE p.batch_id = $id
      GROUP BY p.expert_id, e.capacity, b.settings
      HAVING count(*) > least(e.capacity, coalesce((b.settings ->> 'max_enterprises_per_expert')::int, 1))) x;
SELECT 'CHECK no enterprise over max_experts_per_enterprise: ' || CASE WHEN count(*) = 0 THEN 'ok' ELSE 'FAIL (' || count(*) || ')' END
FROM (SELECT p.enterprise_id FROM proposal p JOIN match_batch b ON b.id = p.batch_id WHERE p.batch_id = $id
      GROUP BY p.enterprise_id, b.settings
      HAVING count(*) > coalesce((b.settings ->> 'max_experts_per_enterprise')::int, 3)) x;
SELECT 'CHECK only available experts of approved units: ' || CASE WHEN count(*) = 0 THEN 'ok' ELSE 'FAIL (' || count(*) || ')' END
FROM proposal p JOIN expert e ON e.id = p.expert_id JOIN organization o ON o.id = e.unit_id
WHERE p.batch_id = $id AND (e.status <> 'available' OR o.status <> 'approved');
SELECT 'CHECK no conflict of interest proposed: ' || CASE WHEN count(*) = 0 THEN 'ok' ELSE 'FAIL (' || count(*) || ')' END
FROM proposal p JOIN expert e ON e.id = p.expert_id
WHERE p.batch_id = $id AND EXISTS (SELECT 1 FROM conflict c WHERE c.enterprise_id = p.enterprise_id
    AND (c.expert_id = p.expert_id OR c.unit_id = e.unit_id));
SELECT 'CHECK age <= maximum_age: ' || CASE WHEN count(*) = 0 THEN 'ok' ELSE 'FAIL (' || count(*) || ')' END
FROM proposal p JOIN expert e ON e.id = p.expert_id JOIN match_batch b ON b.id = p.batch_id
WHERE p.batch_id = $id AND e.birth_year IS NOT NULL
  AND extract(year FROM (b.settings ->> 'as_of')::date) - e.birth_year > coalesce((b.settings ->> 'maximum_age')::int, 55);
SELECT 'CHECK no management post: ' || CASE WHEN count(*) = 0 THEN 'ok' ELSE 'FAIL (' || count(*) || ')' END
FROM proposal p JOIN expert e ON e.id = p.expert_id WHERE p.batch_id = $id AND e.management_post;
SELECT 'CHECK no integrity record in the last 3 years: ' || CASE WHEN count(*) = 0 THEN 'ok' ELSE 'FAIL (' || count(*) || ')' END
FROM proposal p JOIN expert e ON e.id = p.expert_id JOIN match_batch b ON b.id = p.batch_id
WHERE p.batch_id = $id AND e.integrity_record_year > extract(year FROM (b.settings ->> 'as_of')::date) - 3;
SELECT 'CHECK PhD or senior title (when both are given): ' || CASE WHEN count(*) = 0 THEN 'ok' ELSE 'FAIL (' || count(*) || ')' END
FROM proposal p JOIN expert e ON e.id = p.expert_id
WHERE p.batch_id = $id AND e.degree <> 'phd' AND e.title_level NOT IN ('senior', 'associate_senior');
SELECT 'CHECK available on the term start: ' || CASE WHEN count(*) = 0 THEN 'ok' ELSE 'FAIL (' || count(*) || ')' END
FROM proposal p JOIN expert e ON e.id = p.expert_id JOIN match_batch b ON b.id = p.batch_id
WHERE p.batch_id = $id AND (e.available_from > (b.settings ->> 'term_start')::date
    OR e.available_to < (b.settings ->> 'term_start')::date);
SELECT 'CHECK out-of-province experts only where accepted: ' || CASE WHEN count(*) = 0 THEN 'ok' ELSE 'FAIL (' || count(*) || ')' END
FROM proposal p JOIN need n ON n.id = p.need_id JOIN expert e ON e.id = p.expert_id JOIN organization u ON u.id = e.unit_id
WHERE p.batch_id = $id AND u.out_of_province AND NOT n.accepts_out_of_province;
SQL
    unset s at
done
echo "## summary (also in $summary; dataset load ${load_s}s)"
cat "$summary"

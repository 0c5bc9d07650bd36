-- wrk script for scripts/bench-load.sh: POST /api/v1/needs with the enterprise's bearer token (closed loop).
-- The token comes from the environment (KCZY_BENCH_TOKEN); the body is the same valid draft as bench_load.py's.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KCZY_BENCH_TOKEN")
wrk.body = '{"title":"压测需求 wrk 高精度传感器封装工艺","description":"用于负载测试的技术需求：提高传感器封装良率，降低温漂。",'
    .. '"technical_targets":"良率 ≥ 98%，温漂 ≤ 0.01%/℃","tracks":["equipment"],"discipline_codes":["460"],'
    .. '"keywords":["传感器","封装","可靠性"],"budget":500000,"deadline":"2030-12-31","confidential":false,'
    .. '"accepts_out_of_province":true,"experts_needed":1}'

-- Issue 6 report benchmark: bulk data set on top of `kczy demo-data`, generated with set-based SQL only.
--
--   psql -X -v ON_ERROR_STOP=1 -v today=YYYY-MM-DD -f scripts/bench_reports_load.sql
--
-- Run by scripts/bench-reports.sh on a freshly migrated database that holds exactly the demo data set (21 units,
-- 300 enterprises, 800 experts, 500 needs, the five demo accounts). It adds, deterministically (every random choice
-- is a hash of a row number and a salt, `pg_temp.u`, so the same `today` gives the same data):
--
--   * 479 dispatching units (500 with the demo ones): universities, CAS and provincial institutes, new-type R&D
--     institutions; about a quarter in the province (135 of 500), the rest across China, the Greater Bay Area,
--     Hong Kong and Macao;
--   * 20,000 enterprises in the nine cities of the province (300 demo ones + 19,700 approved, 300 more pending or
--     rejected);
--   * 99,200 experts (100,000 with the demo ones), allocated to units by a Zipf-like weight (the demo units
--     吉林大学 and 东北师范大学, the `unit` login's tenant, are the two largest), realistic birth years, degrees
--     (about 40 % PhD), titles by unit kind, disciplines of the discipline table by industry track, statuses;
--   * 59,500 needs (60,000 with the demo ones) in every lifecycle state, with their state transitions;
--   * seven match batches (five yearly batches and two 补录 follow-ups, the last one under review) and proposals;
--   * assignments (选派) up to exactly 50,000 (the demo history of newer builds included): chains of two-year terms
--     per enterprise "seat", with renewals (renews_assignment_id: same expert, need and batch), completions, early
--     terminations and the active ones;
--   * outcomes up to exactly 500,000 (demo history included) of all eight kinds (about 70 % verified, 22 % reported,
--     8 % rejected with a reason), about 1,100,000 service logs (every assignment has several), and annual and
--     final assessments.
--
-- The demo accounts' tenants get a realistic share: the `unit` account's unit (东北师范大学) has about 3,300
-- experts and 1,700 assignments; the `enterprise` account's enterprise uses all three of its seats.
--
-- Validity: every assignment goes through the `assignment_capacity` trigger (it stays enabled): at most one
-- active assignment per expert (capacity >= 1) and at most `max_experts_per_enterprise` (3) per enterprise, by
-- construction (an enterprise has three seats, each seat holds at most one active assignment). CHECK constraints and
-- foreign keys stay on. Only the audit triggers are disabled for the load (a fixture, not business writes; otherwise
-- every generated row would be copied into audit_log) and re-enabled at the end, inside the same transaction.
-- The caller runs VACUUM ANALYZE afterwards.

\set QUIET on
\if :{?today}
\else
    \set today `date -u +%F`
\endif
\timing off
\pset tuples_only on
\pset format unaligned
SET client_min_messages = warning;
-- `\set step ...` then `:step` prints the seconds since the transaction began.
\set step 'SELECT format(''load: %-28s %s s'', :''name'', to_char(extract(epoch FROM clock_timestamp() - now()), ''FM99990.0''));'

BEGIN;

-- Fail early on a database that is not "migrated + demo data only" (with or without the demo history of newer
-- builds: up to 60 dispatches with service logs and outcomes; the totals below count them).
DO $$
BEGIN
    IF (SELECT count(*) FROM organization) <> 321 OR (SELECT count(*) FROM expert) <> 800
        OR (SELECT count(*) FROM need) <> 500 OR (SELECT count(*) FROM assignment) > 100 THEN
        RAISE EXCEPTION 'bench_reports_load: expected a fresh database with exactly the demo data set';
    END IF;
END $$;

-- The program's last yearly batch: the latest July 1 that is more than half a year into the past year (<= today).
SELECT extract(year FROM :'today'::date - 183)::int AS last_year \gset
CREATE TEMP TABLE p AS SELECT :'today'::date AS today;
SELECT id AS staff_id FROM account WHERE username = 'staff' \gset
-- Targets are totals, demo history included.
SELECT 50000 - count(*) AS assignments_to_make, coalesce(max(id), 0) AS assignment_base FROM assignment \gset
SELECT 500000 - count(*) AS outcomes_to_make FROM outcome \gset

ALTER TABLE organization DISABLE TRIGGER audit;
ALTER TABLE expert DISABLE TRIGGER audit;
ALTER TABLE need DISABLE TRIGGER audit;
ALTER TABLE match_batch DISABLE TRIGGER audit;
ALTER TABLE proposal DISABLE TRIGGER audit;
ALTER TABLE assignment DISABLE TRIGGER audit;
ALTER TABLE service_log DISABLE TRIGGER audit;
ALTER TABLE outcome DISABLE TRIGGER audit;
ALTER TABLE assessment DISABLE TRIGGER audit;

------------------------------------------------------------------------------------------------------------------------
-- Helpers (session-local).

-- A deterministic uniform number in [0, 1) from a key and a salt (53 bits of a 64-bit hash).
CREATE FUNCTION pg_temp.u(k bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT ((hashint8extended(k, salt) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$;

-- A deterministic integer in [lo, hi].
CREATE FUNCTION pg_temp.ri(k bigint, salt bigint, lo int, hi int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT lo + floor(pg_temp.u(k, salt) * (hi - lo + 1))::int $$;

-- One element of an array, chosen by the hash.
CREATE FUNCTION pg_temp.pick(a text[], k bigint, salt bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT a[1 + floor(pg_temp.u(k, salt) * cardinality(a))::int] $$;

-- GB 11714 organization-code check digit of an 8-character body, then the GB 32100 check character: a valid unified
-- social credit code from authority, type, 6-digit division and 8-character body (PL/pgSQL loops: fast per row).
CREATE FUNCTION pg_temp.uscc(authority text, kind text, division text, body text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
    ow constant int[] := ARRAY[3, 7, 9, 10, 5, 8, 4, 2];
    cw constant int[] := ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    total int := 0;
    d int;
    c text;
    first17 text;
BEGIN
    FOR i IN 1..8 LOOP
        c := substr(body, i, 1);
        total := total + (CASE WHEN c BETWEEN '0' AND '9' THEN ascii(c) - 48 ELSE ascii(c) - 55 END) * ow[i];
    END LOOP;
    d := 11 - total % 11;
    first17 := authority || kind || division || body || CASE d WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE d::text END;
    total := 0;
    FOR i IN 1..17 LOOP
        total := total + (strpos(alphabet, substr(first17, i, 1)) - 1) * cw[i];
    END LOOP;
    RETURN first17 || substr(alphabet, (31 - total % 31) % 31 + 1, 1);
END;
$$;

-- Weighted categorical choices: pick the row whose [lo, hi) holds a uniform number (integer weights, exact ends).
CREATE TEMP TABLE wt_src (dim text, code text, w int);
INSERT INTO wt_src VALUES
    -- Regions of the generated units (in the province about a quarter).
    ('unit_region', '220100', 70), ('unit_region', '220200', 20), ('unit_region', '220300', 5),
    ('unit_region', '220400', 3), ('unit_region', '220500', 4), ('unit_region', '220600', 2),
    ('unit_region', '220700', 3), ('unit_region', '220800', 3), ('unit_region', '222400', 8),
    ('unit_region', '11', 50), ('unit_region', '12', 12), ('unit_region', '13', 8), ('unit_region', '14', 6),
    ('unit_region', '15', 4), ('unit_region', '21', 24), ('unit_region', '23', 22), ('unit_region', '31', 30),
    ('unit_region', '32', 30), ('unit_region', '33', 18), ('unit_region', '34', 10), ('unit_region', '35', 6),
    ('unit_region', '36', 4), ('unit_region', '37', 14), ('unit_region', '41', 8), ('unit_region', '42', 14),
    ('unit_region', '43', 8), ('unit_region', '50', 6), ('unit_region', '51', 12), ('unit_region', '61', 14),
    ('unit_region', '62', 4), ('unit_region', '44', 8), ('unit_region', '440100', 10), ('unit_region', '440300', 10),
    ('unit_region', '440400', 2), ('unit_region', '440600', 2), ('unit_region', '81', 8), ('unit_region', '82', 3),
    -- Cities of the enterprises.
    ('ent_region', '220100', 45), ('ent_region', '220200', 14), ('ent_region', '220300', 5),
    ('ent_region', '220400', 4), ('ent_region', '220500', 8), ('ent_region', '220600', 4),
    ('ent_region', '220700', 7), ('ent_region', '220800', 5), ('ent_region', '222400', 8),
    -- Expert statuses before dispatch (experts of active assignments become `dispatched` afterwards).
    ('expert_status', 'registered', 4), ('expert_status', 'approved', 6), ('expert_status', 'pending_reapproval', 1),
    ('expert_status', 'screened', 8), ('expert_status', 'available', 79), ('expert_status', 'suspended', 2),
    ('degree', 'phd', 40), ('degree', 'master', 35), ('degree', 'bachelor', 20), ('degree', 'other', 5),
    -- Where an enterprise seat's first assignment comes from: yearly batches (Y = last year), the 补录 batch of
    -- Y-2, or a direct dispatch (no batch).
    ('cohort', 'Y-4', 14), ('cohort', 'Y-3', 16), ('cohort', 'Y-2', 18), ('cohort', 'Y-2b', 5), ('cohort', 'Y-1', 20),
    ('cohort', 'Y', 20), ('cohort', 'direct', 7),
    -- Needs that never led to an assignment.
    ('need_status', 'open', 30), ('need_status', 'proposed', 12), ('need_status', 'submitted', 10),
    ('need_status', 'returned', 3), ('need_status', 'draft', 8), ('need_status', 'expired', 17),
    ('need_status', 'withdrawn', 5), ('need_status', 'closed', 15),
    ('outcome_kind', 'project', 20), ('outcome_kind', 'achievement_transfer', 8), ('outcome_kind', 'standard', 5),
    ('outcome_kind', 'new_product', 12), ('outcome_kind', 'platform', 4), ('outcome_kind', 'staff_trained', 18),
    ('outcome_kind', 'contract', 18), ('outcome_kind', 'patent', 15),
    ('outcome_status', 'verified', 70), ('outcome_status', 'reported', 22), ('outcome_status', 'rejected', 8),
    ('grade', 'excellent', 25), ('grade', 'good', 45), ('grade', 'pass', 25), ('grade', 'fail', 5);

CREATE TEMP TABLE wt AS
SELECT dim, code,
       (sum(w) OVER (PARTITION BY dim ORDER BY code) - w)::float8 / sum(w) OVER (PARTITION BY dim) AS lo,
       CASE WHEN sum(w) OVER (PARTITION BY dim ORDER BY code) = sum(w) OVER (PARTITION BY dim) THEN 2.0
            ELSE sum(w) OVER (PARTITION BY dim ORDER BY code)::float8 / sum(w) OVER (PARTITION BY dim) END AS hi
FROM wt_src;

-- Word lists.
CREATE TEMP TABLE lists (name text PRIMARY KEY, items text[] NOT NULL);
INSERT INTO lists VALUES
    ('surname', '{王,李,张,刘,陈,杨,赵,黄,周,吴,徐,孙,胡,朱,高,林,何,郭,马,罗,梁,宋,郑,谢,韩,唐,冯,于,董,萧,程,曹,袁,邓,许,傅,沈,曾,彭,吕,苏,卢,蒋,蔡,贾,丁,魏,薛,叶,阎,余,潘,杜,戴,夏,钟,汪,田,任,姜,范,方,石,姚,谭,廖,邹,熊,金,陆,郝,孔,白,崔,康,毛,邱,秦,江,史}'),
    ('given', '{伟,芳,娜,敏,静,丽,强,磊,军,洋,勇,艳,杰,娟,涛,明,超,秀,霞,平,刚,桂,英,华,玉,萍,红,鹏,辉,建,文,斌,宇,浩,凯,健,俊,帆,帅,旭,宁,龙,林,欣,晨,博,阳,雪,琳,晶,婷,慧,鑫,磊,峰,成,立,新,志,海,东,亮,彬,松,岩,波,飞,丹,颖,倩,梅,兰,云,蕾,璐}'),
    ('brand', '{华,盛,恒,瑞,泰,宏,鑫,诚,汇,源,中,博,天,宇,联,众,信,科,达,通,安,康,明,嘉,裕,正,东,北,长,新,和,丰,远,德,昌,兴,隆,智,航,海,金,银,鼎,睿}'),
    ('uni_suffix', '{理工大学,工业大学,农业大学,医科大学,师范大学,科技大学,工程学院,化工学院,中医药大学,交通大学,石油大学,林业大学,电子科技大学,信息工程学院,建筑大学,职业技术大学,医学院,航空航天大学,海洋大学,电力大学,大学,科技学院,工学院,师范学院,医药学院,农业科技学院,财经大学,应用技术大学,机电学院,理工学院,水利电力学院,城市学院,轻工业学院,工商学院,电子信息学院}'),
    ('field', '{光学精密机械,应用化学,材料科学,生态环境,农业科学,地理与农业生态,能源技术,信息技术,生物技术,自动化,先进制造技术,药物研究,食品科学,林业科学,畜牧兽医,冶金,计量测试,环境科学,水利科学,智能装备}'),
    ('company_suffix', '{有限公司,有限公司,有限公司,股份有限公司,有限责任公司}'),
    ('street', '{人民大街,解放大路,自由大路,卫星路,前进大街,南湖大路,长春大街,建设街,工业大街,兴业路,高新路,繁荣路,光谷大街,硅谷大街,越达路,飞跃路}'),
    ('work', '{现场调研生产工艺并梳理技术难点,与企业技术团队讨论试验方案,指导中试线调试,开展工艺参数优化试验,培训企业技术人员,协助编写项目申报材料,检测分析样品并出具报告,协助制定企业技术标准,对接高校实验室资源,指导新产品样机测试,协助企业申请专利,组织技术交流会}'),
    ('reject_reason', '{证明材料不足，请补充合同或发票,成果与本次选派服务内容无关,重复填报，已在其他记录中登记,合同金额与证明材料不一致,取得日期早于服务期开始}'),
    ('contract_type', '{development,development,development,transfer,licence,consulting,service,service}'),
    ('ip', '{enterprise_owned,unit_owned,jointly_owned,by_agreement,not_applicable}'),
    ('outcome_word', '{关键工艺,样机,中试线,检测方法,控制系统,配方,数据平台,生产线,新品种,质量标准}');

-- Per industry track: second-level discipline codes (or the first-level code when it has none), and keywords.
CREATE TEMP TABLE track_words AS
SELECT t.code AS track, t.name_zh AS track_name,
       (SELECT array_agg(coalesce(d2.code, td.discipline_code) ORDER BY coalesce(d2.code, td.discipline_code))
        FROM track_discipline td LEFT JOIN discipline d2 ON d2.parent_code = td.discipline_code
        WHERE td.track_code = t.code) AS disciplines,
       k.keywords, k.industry
FROM industry_track t
JOIN (VALUES
    ('agriculture', '{人参,玉米育种,黑土地保护,秸秆还田,肉牛养殖,林下经济,食用菌,大豆种植}'::text[],
     '{农业科技,种业,生物肥料,粮油食品,畜牧,人参产业,林下经济}'::text[]),
    ('equipment', '{数控机床,汽车零部件,轨道客车,机器人,精密加工,故障诊断,轻量化,焊接工艺}',
     '{机械制造,汽车零部件,智能装备,轨道交通装备,精密仪器,数控机床}'),
    ('bigdata', '{工业互联网,数据治理,机器视觉,边缘计算,知识图谱,智慧农业平台,数字孪生,信息安全}',
     '{信息技术,软件,数据科技,网络科技,智能科技}'),
    ('new_energy', '{氢能,储能电池,风电运维,光伏组件,燃料电池,生物质能,电网调度,热泵}',
     '{新能源,氢能科技,电力设备,储能技术,光伏科技}'),
    ('new_materials', '{碳纤维,稀土功能材料,高分子改性,复合材料,金属粉末,精细化工,玄武岩纤维,涂层材料}',
     '{新材料,化工,碳纤维,高分子材料,冶金}'),
    ('new_medicine', '{中药提取,生物制药,医疗器械,疫苗,靶向药物,人参皂苷,体外诊断,康复器械}',
     '{生物医药,制药,医疗器械,生物工程,中药}'),
    ('optoelectronics', '{激光器,光电传感,红外成像,光学镜头,半导体照明,光纤通信,光谱仪,微纳光学}',
     '{光电科技,光学仪器,激光技术,半导体,传感技术}')
) AS k (track, keywords, industry) ON k.track = t.code;

CREATE TEMP TABLE all_tracks AS SELECT array_agg(code ORDER BY sort_order) AS codes FROM industry_track;

------------------------------------------------------------------------------------------------------------------------
-- 1. Dispatching units: 479 more (500 in all).

CREATE TEMP TABLE unit_gen AS
SELECT i, r.code AS region_code,
       regexp_replace(g.name_zh, '(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|朝鲜族自治州)$', '') AS short,
       regexp_replace(p.name_zh, '(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$', '') AS province_short,
       pg_temp.ri(hashtext(r.code), 1, 0, 99) AS name_offset,
       CASE WHEN r.code IN ('81', '82') THEN 'university'
            WHEN left(r.code, 2) = '22' THEN
                CASE WHEN pg_temp.u(i, 2) < 0.45 THEN 'university' WHEN pg_temp.u(i, 2) < 0.80 THEN 'institute'
                     ELSE 'rnd_institution' END
            ELSE CASE WHEN pg_temp.u(i, 2) < 0.72 THEN 'university' WHEN pg_temp.u(i, 2) < 0.95 THEN 'institute'
                      ELSE 'rnd_institution' END END AS kind
FROM generate_series(1, 479) i
JOIN wt r ON r.dim = 'unit_region' AND pg_temp.u(i, 1) >= r.lo AND pg_temp.u(i, 1) < r.hi
JOIN region g ON g.code = r.code
JOIN region p ON p.code = left(r.code, 2);

-- Names walk each (region, kind)'s list from a region-dependent offset, so they repeat only once the list is used
-- up; a name that still repeats (or repeats a demo unit's) gets a number.
CREATE TEMP TABLE unit_named AS
SELECT *, CASE WHEN n > 1 THEN base || '（' || n || '）' ELSE base END AS name
FROM (
    SELECT *, row_number() OVER (PARTITION BY base ORDER BY i)
                  + (SELECT count(*) FROM organization o WHERE o.name = x.base) AS n
    FROM (
        SELECT u.*,
               CASE kind
                   WHEN 'university' THEN
                       CASE WHEN region_code = '81' THEN '香港' || ('{理工大学,城市大学,浸会大学,中文大学,都会大学}'::text[])[1 + (rk - 1) % 5]
                            WHEN region_code = '82' THEN '澳门' || ('{科技大学,理工大学,城市大学}'::text[])[1 + (rk - 1) % 3]
                            ELSE short || us[1 + (name_offset + rk - 1) % cardinality(us)] END
                   WHEN 'institute' THEN
                       CASE WHEN (name_offset + rk) % 2 = 0 THEN '中国科学院' || short
                                || f[1 + (name_offset + (rk - 1) / 2) % cardinality(f)] || '研究所'
                            ELSE province_short || CASE WHEN left(region_code, 2) IN ('11', '12', '31', '50')
                                    THEN '市' ELSE '省' END
                                || f[1 + (name_offset + (rk - 1) / 2) % cardinality(f)] || '研究院' END
                   ELSE short || f[1 + (name_offset + rk - 1) % cardinality(f)]
                        || ('{产业技术研究院,创新研究院,新型研发机构}'::text[])[1 + ((rk - 1) / cardinality(f)) % 3] END AS base
        FROM (SELECT u.*, row_number() OVER (PARTITION BY region_code, kind ORDER BY i) AS rk,
                     (SELECT items FROM lists WHERE name = 'uni_suffix') AS us,
                     (SELECT items FROM lists WHERE name = 'field') AS f
              FROM unit_gen u) u) x) y;

INSERT INTO organization (kind, name, identifier_kind, identifier, region_code, address, summary, founded_year, tracks,
                          contact_name, contact_phone, contact_email, status, created_at, updated_at)
SELECT kind, name,
       CASE region_code WHEN '81' THEN 'hk_business_registration' WHEN '82' THEN 'macao_registration' ELSE 'uscc' END,
       CASE region_code
           WHEN '81' THEN '5' || lpad(i::text, 7, '0')
           WHEN '82' THEN 'MO-5' || lpad(i::text, 5, '0')
           ELSE pg_temp.uscc(CASE kind WHEN 'rnd_institution' THEN '5' ELSE '1' END, '2',
                             CASE WHEN length(region_code) = 6 THEN left(region_code, 4) || lpad(pg_temp.ri(i, 7, 2, 6)::text, 2, '0')
                                  ELSE region_code || '01' || lpad(pg_temp.ri(i, 7, 2, 9)::text, 2, '0') END,
                             '5' || lpad(i::text, 7, '0')) END,
       region_code,
       short || pg_temp.pick((SELECT items FROM lists WHERE name = 'street'), i, 8) || pg_temp.ri(i, 9, 1, 3999) || '号',
       name || '是' || CASE kind WHEN 'university' THEN '高等学校' WHEN 'institute' THEN '科研院所' ELSE '新型研发机构' END
           || '，参与科创专员选派工作。',
       CASE kind WHEN 'university' THEN pg_temp.ri(i, 10, 1902, 2010) WHEN 'institute' THEN pg_temp.ri(i, 10, 1950, 2015)
                 ELSE pg_temp.ri(i, 10, 2012, 2024) END,
       -- One to four tracks, starting anywhere in the list of seven.
       (SELECT array_agg(t.codes[1 + (pg_temp.ri(i, 11, 0, 6) + j) % 7] ORDER BY j)
        FROM all_tracks t, generate_series(0, pg_temp.ri(i, 12, 0, 3)) j),
       pg_temp.pick((SELECT items FROM lists WHERE name = 'surname'), i, 13)
           || pg_temp.pick((SELECT items FROM lists WHERE name = 'given'), i, 14),
       '0' || pg_temp.ri(i, 15, 100, 999)::text || lpad(pg_temp.ri(i, 16, 0, 9999999)::text, 7, '0'),
       'kjc@u' || lpad(i::text, 4, '0') || '.example.edu.cn',
       CASE WHEN pg_temp.u(i, 17) < 0.98 THEN 'approved' ELSE 'pending' END,
       timestamptz '2022-01-01' + pg_temp.u(i, 18) * interval '700 days',
       timestamptz '2022-01-01' + pg_temp.u(i, 18) * interval '700 days'
FROM unit_named
ORDER BY i;

\set name 'units'
:step

------------------------------------------------------------------------------------------------------------------------
-- 2. Enterprises: 20,000 more (19,700 approved; 20,000 approved ones in all with the demo ones).

INSERT INTO organization (kind, name, identifier_kind, identifier, region_code, address, summary, founded_year, tracks,
                          qualifications, contact_name, contact_phone, contact_email, status, created_at, updated_at)
SELECT 'enterprise', name, 'uscc',
       pg_temp.uscc('9', '1', left(region_code, 4) || lpad(pg_temp.ri(i, 21, 1, 9)::text, 2, '0'),
                    '6' || lpad(i::text, 7, '0')),
       region_code, address,
       '公司成立于' || founded || '年，主要从事' || industry_word || '相关产品的研发、生产和销售。现有员工'
           || pg_temp.ri(i, 22, 12, 2600) || '人。',
       founded,
       CASE WHEN pg_temp.u(i, 23) < 0.25 THEN ARRAY[track, pg_temp.pick((SELECT codes FROM all_tracks), i, 24)]
            ELSE ARRAY[track] END,
       array_remove(ARRAY[CASE WHEN pg_temp.u(i, 25) < 0.35 THEN 'high_tech' END,
                          CASE WHEN pg_temp.u(i, 26) < 0.50 THEN 'tech_sme' END,
                          CASE WHEN pg_temp.u(i, 27) < 0.10 THEN 'specialized' END], NULL),
       pg_temp.pick((SELECT items FROM lists WHERE name = 'surname'), i, 28)
           || pg_temp.pick((SELECT items FROM lists WHERE name = 'given'), i, 29),
       '1' || pg_temp.pick('{3,5,8,9}', i, 30) || lpad(pg_temp.ri(i, 31, 0, 999999999)::text, 9, '0'),
       'contact@e' || lpad(i::text, 5, '0') || '.example.com',
       CASE WHEN i <= 19700 THEN 'approved' WHEN i <= 19900 THEN 'pending' ELSE 'rejected' END,
       created, created
FROM (
    SELECT i, r.code AS region_code, tw.track, pg_temp.pick(tw.industry, i, 34) AS industry_word,
           regexp_replace(g.name_zh, '(市|朝鲜族自治州)$', '')
               || pg_temp.pick((SELECT items FROM lists WHERE name = 'brand'), i, 32)
               || pg_temp.pick((SELECT items FROM lists WHERE name = 'brand'), i, 33)
               || pg_temp.pick(tw.industry, i, 34)
               || pg_temp.pick((SELECT items FROM lists WHERE name = 'company_suffix'), i, 35) AS name,
           g.name_zh || pg_temp.pick((SELECT items FROM lists WHERE name = 'street'), i, 36)
               || pg_temp.ri(i, 37, 1, 3999) || '号' AS address,
           pg_temp.ri(i, 38, 1985, 2024) AS founded,
           timestamptz '2021-06-01' + pg_temp.u(i, 39) * interval '1500 days' AS created
    FROM generate_series(1, 20000) i
    JOIN wt r ON r.dim = 'ent_region' AND pg_temp.u(i, 20) >= r.lo AND pg_temp.u(i, 20) < r.hi
    JOIN region g ON g.code = r.code
    JOIN track_words tw ON tw.track = (SELECT codes FROM all_tracks)[pg_temp.ri(i, 19, 1, 7)]
) e
ORDER BY i;

ANALYZE organization;

\set name 'enterprises'
:step

------------------------------------------------------------------------------------------------------------------------
-- 3. Experts: 99,200 more (100,000 in all), allocated to units by rank^-0.7 (the demo units 1 and 2 first).

CREATE TEMP TABLE unit_alloc AS
SELECT id, kind, tracks, status, r,
       (floor(99200 * cw / tw) - floor(99200 * (cw - w) / tw))::int AS n,
       (floor(99200 * (cw - w) / tw))::int AS before
FROM (SELECT id, kind, tracks, status, r, w, sum(w) OVER (ORDER BY r) AS cw, sum(w) OVER () AS tw
      FROM (SELECT id, kind, tracks, status, r, power(r, -0.7)::numeric AS w
            FROM (SELECT id, kind, tracks, status,
                         row_number() OVER (ORDER BY CASE id WHEN 1 THEN 0 WHEN 2 THEN 1 ELSE 2 END, pg_temp.u(id, 40)) AS r
                  FROM organization WHERE kind <> 'enterprise') a) b) c;

CREATE TEMP TABLE expert_gen AS
SELECT k, ua.id AS unit_id, ua.kind AS unit_kind, ua.status AS unit_status,
       coalesce(ua.tracks[1 + floor(pg_temp.u(k, 41) * cardinality(ua.tracks))::int], 'bigdata') AS track
FROM unit_alloc ua, generate_series(1, ua.n) g, LATERAL (SELECT ua.before + g AS k) kk;

SELECT max(id) AS expert_base FROM expert \gset

INSERT INTO expert (id, unit_id, name, degree, title_level, title_name, birth_year, disciplines, tracks, keywords,
                    summary, achievements, patents, management_post, talent_enclave, integrity_record_year, capacity,
                    available_from, available_to, phone, email, status, created_at, updated_at)
SELECT :expert_base + k, unit_id, name, degree, title_level,
       CASE WHEN title_level = 'none' THEN NULL
            ELSE (CASE unit_kind WHEN 'university' THEN '{教授,副教授,讲师,助教}'::text[]
                                 WHEN 'institute' THEN '{研究员,副研究员,助理研究员,研究实习员}'::text[]
                                 ELSE '{正高级工程师,高级工程师,工程师,助理工程师}'::text[] END)
                 [CASE title_level WHEN 'senior' THEN 1 WHEN 'associate_senior' THEN 2 WHEN 'intermediate' THEN 3 ELSE 4 END] END,
       birth_year,
       CASE WHEN d2 <> d1 AND pg_temp.u(k, 50) < 0.4 THEN ARRAY[d1, d2] ELSE ARRAY[d1] END,
       CASE WHEN pg_temp.u(k, 51) < 0.2 AND pg_temp.pick((SELECT codes FROM all_tracks), k, 52) <> track
            THEN ARRAY[track, pg_temp.pick((SELECT codes FROM all_tracks), k, 52)] ELSE ARRAY[track] END,
       ARRAY[kw[1 + j % 8], kw[1 + (j + 3) % 8], kw[1 + (j + 5) % 8]],
       '长期从事' || coalesce(dn.name_zh, '相关学科') || '研究，近年来重点围绕' || kw[1 + j % 8] || '和'
           || kw[1 + (j + 3) % 8] || '开展工作，主持或参与省部级以上项目' || pg_temp.ri(k, 53, 1, 12) || '项。',
       CASE WHEN pg_temp.u(k, 54) < 0.6 THEN ARRAY[kw[1 + j % 8] || '关键技术研究'] ELSE '{}' END,
       CASE WHEN pg_temp.u(k, 55) < 0.4 THEN ARRAY['一种' || kw[1 + (j + 3) % 8] || '的制备方法'] ELSE '{}' END,
       pg_temp.u(k, 56) < 0.08, pg_temp.u(k, 57) < 0.05,
       CASE WHEN pg_temp.u(k, 58) < 0.01 THEN pg_temp.ri(k, 59, 2015, :last_year - 1) END,
       CASE WHEN pg_temp.u(k, 60) < 0.85 THEN 1 WHEN pg_temp.u(k, 60) < 0.97 THEN 2 ELSE 3 END,
       avail_from, avail_from + 730,
       '1' || pg_temp.pick('{3,5,8,9}', k, 61) || lpad(pg_temp.ri(k, 62, 0, 999999999)::text, 9, '0'),
       'x' || k || '@u' || unit_id || '.example.edu.cn',
       st.code, created, created
FROM (
    SELECT eg.*, tw.keywords AS kw, pg_temp.ri(k, 42, 0, 7) AS j,
           pg_temp.pick(tw.disciplines, k, 43) AS d1, pg_temp.pick(tw.disciplines, k, 44) AS d2,
           -- Triangular birth years 1961–1998 (mode about 1980).
           1961 + floor((pg_temp.u(k, 45) + pg_temp.u(k, 46)) / 2 * 38)::int AS birth_year,
           dg.code AS degree,
           -- Titles follow age: P(senior) grows from 0 at 35 to 0.55 at 57; associate senior takes the next 0.35.
           CASE WHEN pg_temp.u(k, 47) < 0.05 THEN 'none'
                WHEN pg_temp.u(k, 48) < sen THEN 'senior'
                WHEN pg_temp.u(k, 48) < sen + 0.35 THEN 'associate_senior'
                WHEN pg_temp.u(k, 48) < sen + 0.60 THEN 'intermediate' ELSE 'junior' END AS title_level,
           pg_temp.pick((SELECT items FROM lists WHERE name = 'surname'), k, 63)
               || pg_temp.pick((SELECT items FROM lists WHERE name = 'given'), k, 64)
               || CASE WHEN pg_temp.u(k, 65) < 0.7 THEN pg_temp.pick((SELECT items FROM lists WHERE name = 'given'), k, 66)
                       ELSE '' END AS name,
           CASE WHEN pg_temp.u(k, 67) < 0.7 THEN :'today'::date + pg_temp.ri(k, 68, -365, 365) END AS avail_from,
           timestamptz '2022-01-01' + pg_temp.u(k, 69) * (:'today'::timestamptz - timestamptz '2022-01-01') AS created
    FROM expert_gen eg
    CROSS JOIN LATERAL (
        SELECT greatest(0, least(0.55, (:last_year - (1961 + floor((pg_temp.u(eg.k, 45) + pg_temp.u(eg.k, 46)) / 2 * 38))
                                        - 35) / 40.0)) AS sen) sn
    JOIN track_words tw ON tw.track = eg.track
    JOIN wt dg ON dg.dim = 'degree' AND pg_temp.u(k, 49) >= dg.lo AND pg_temp.u(k, 49) < dg.hi
) x
JOIN wt st ON st.dim = 'expert_status' AND pg_temp.u(k, 70) >= st.lo AND pg_temp.u(k, 70) < st.hi
LEFT JOIN discipline dn ON dn.code = x.d1
ORDER BY k;

ANALYZE expert;

\set name 'experts'
:step

------------------------------------------------------------------------------------------------------------------------
-- 4. Assignment chains. Every approved enterprise has three seats; a seat holds a chain of two-year terms: the
--    first from a yearly batch, the 补录 batch or a direct dispatch; after a term ends the seat's commissioner is
--    renewed (same person, same need and batch; at most 6 years), replaced by a new one in the next yearly batch,
--    or the seat stays empty. A term running on `today` is active (3 % terminated early). Each seat holds at most
--    one active assignment, so no enterprise exceeds 3 and, with one expert per stint, no expert exceeds 1.

CREATE TEMP TABLE batch_def AS
SELECT * FROM (VALUES
    (1, 'Y-4', (:last_year - 4) || '年第一批科创专员选派', make_date(:last_year - 4, 7, 1), 'finalized', NULL::int),
    (2, 'Y-3', (:last_year - 3) || '年第一批科创专员选派', make_date(:last_year - 3, 7, 1), 'finalized', NULL),
    (3, 'Y-2', (:last_year - 2) || '年第一批科创专员选派', make_date(:last_year - 2, 7, 1), 'finalized', NULL),
    (4, 'Y-2b', (:last_year - 2) || '年补录批次', make_date(:last_year - 2, 10, 1), 'finalized', 3),
    (5, 'Y-1', (:last_year - 1) || '年第一批科创专员选派', make_date(:last_year - 1, 7, 1), 'finalized', NULL),
    (6, 'Y', :last_year || '年第一批科创专员选派', make_date(:last_year, 7, 1), 'finalized', NULL),
    (7, 'Yb', :last_year || '年补录批次', make_date(:last_year, 12, 1), 'under_review', 6)
) AS v (n, cohort, name, term_start, status, parent_n);

INSERT INTO match_batch (name, status, settings, parent_batch_id, created_by, created_at, updated_at, run_attempts,
                         run_phase, run_started_at, run_finished_at, total_score, publish_from, publish_until,
                         finalized_at)
SELECT name, status,
       jsonb_build_object('as_of', (term_start - 30)::text, 'term_start', term_start::text,
                          'max_enterprises_per_expert', 1, 'maximum_age', 55),
       NULL, :staff_id, term_start - 60, term_start - 20, 1, 'done', term_start - 45, term_start - 45,
       1000000 + n * 12345, term_start - 40, term_start - 33,
       CASE WHEN status = 'finalized' THEN term_start - 25 END
FROM batch_def ORDER BY n;
-- Batches are numbered 1..7 on a fresh database; wire the 补录 parents.
CREATE TEMP TABLE batch_map AS
SELECT d.*, b.id AS batch_id FROM batch_def d JOIN match_batch b ON b.name = d.name;
UPDATE match_batch b SET parent_batch_id = p.batch_id
FROM batch_map c JOIN batch_map p ON p.n = c.parent_n WHERE b.id = c.batch_id;

-- Seats already taken by active demo-history dispatches are not offered.
CREATE TEMP TABLE seat AS
SELECT row_number() OVER (ORDER BY o.id, s) AS seat_id, o.id AS enterprise_id, s
FROM organization o
CROSS JOIN LATERAL generate_series(0, 2 - (SELECT count(*)::int FROM assignment x
                                           WHERE x.enterprise_id = o.id AND x.status = 'active')) s
WHERE o.kind = 'enterprise' AND o.status = 'approved'
  -- Seats used: the demo `enterprise` login's all three, others by chance.
  AND (o.id = (SELECT organization_id FROM account WHERE username = 'enterprise')
       OR pg_temp.u(o.id * 3 + s, 80) < (ARRAY[0.88, 0.60, 0.29])[s + 1]);

-- One row per term of a chain; `fate` says what happens when it ends.
CREATE TEMP TABLE chain AS
WITH RECURSIVE c AS (
    SELECT st.seat_id, 1 AS k, 1 AS stint, st.term_start, (st.term_start + interval '2 years')::date AS term_end,
           2 AS stint_years, st.batch_n
    FROM (SELECT seat_id,
                 CASE WHEN w.code = 'direct'
                      THEN make_date(:last_year - 4, 1, 1)
                          + floor(pg_temp.u(seat_id, 82) * (:'today'::date - 30 - make_date(:last_year - 4, 1, 1)))::int
                      ELSE b.term_start END AS term_start,
                 b.n AS batch_n
          FROM seat
          JOIN wt w ON w.dim = 'cohort' AND pg_temp.u(seat_id, 81) >= w.lo AND pg_temp.u(seat_id, 81) < w.hi
          LEFT JOIN batch_def b ON b.cohort = w.code) st
    UNION ALL
    SELECT c.seat_id, c.k + 1,
           CASE WHEN f.fate = 'renew' THEN c.stint ELSE c.stint + 1 END,
           CASE WHEN f.fate = 'renew' THEN c.term_end ELSE f.next_batch_start END,
           CASE WHEN f.fate = 'renew' THEN (c.term_end + interval '2 years')::date
                ELSE (f.next_batch_start + interval '2 years')::date END,
           CASE WHEN f.fate = 'renew' THEN c.stint_years + 2 ELSE 2 END,
           CASE WHEN f.fate = 'renew' THEN c.batch_n ELSE f.next_batch_n END
    FROM c
    CROSS JOIN LATERAL (
        SELECT CASE WHEN c.term_end > :'today'::date THEN 'running'
                    WHEN x < 0.03 THEN 'terminate'
                    WHEN x < 0.45 AND c.stint_years + 2 <= 6 THEN 'renew'
                    WHEN x < 0.72 AND nb.n IS NOT NULL THEN 'new'
                    ELSE 'stop' END AS fate,
               nb.term_start AS next_batch_start, nb.n AS next_batch_n
        FROM (SELECT pg_temp.u(c.seat_id * 16 + c.k, 83) AS x) xx
        LEFT JOIN LATERAL (
            SELECT b.term_start, b.n FROM batch_def b
            WHERE b.cohort IN ('Y-4', 'Y-3', 'Y-2', 'Y-1', 'Y') AND b.term_start >= c.term_end
            ORDER BY b.term_start LIMIT 1) nb ON true
    ) f
    WHERE f.fate IN ('renew', 'new')
)
SELECT c.*,
       CASE WHEN c.term_end > :'today'::date
            THEN CASE WHEN pg_temp.u(c.seat_id * 16 + c.k, 84) < 0.03 THEN 'terminate' ELSE 'active' END
            WHEN pg_temp.u(c.seat_id * 16 + c.k, 83) < 0.03 THEN 'terminate'
            WHEN lead(c.stint) OVER w = c.stint THEN 'renew'
            ELSE 'complete' END AS fate
FROM c
WINDOW w AS (PARTITION BY c.seat_id ORDER BY c.k);

-- Keep exactly 50,000 terms in all: whole seats in hash order (the demo enterprise's first), cut the last seat's
-- chain.
CREATE TEMP TABLE kept AS
SELECT * FROM (
    SELECT c.*, s.enterprise_id,
           row_number() OVER (ORDER BY (s.enterprise_id = (SELECT organization_id FROM account WHERE username = 'enterprise')) DESC,
                                       pg_temp.u(c.seat_id, 85), c.k) AS ord
    FROM chain c JOIN seat s USING (seat_id)) x
WHERE ord <= :assignments_to_make;

-- Status as stored: a term followed by its renewal is `renewed`; a cut renewal chain ends `completed`.
CREATE TEMP TABLE term AS
SELECT k.*,
       CASE WHEN lead(k.stint) OVER w = k.stint THEN 'renewed'
            WHEN k.fate = 'active' THEN 'active'
            WHEN k.fate = 'terminate' THEN 'terminated'
            ELSE 'completed' END AS status,
       -- Effective end of service: today for running terms, about 40 % into the term for early terminations.
       CASE WHEN k.fate = 'terminate' THEN k.term_start + least((k.term_end - k.term_start) * 2 / 5, :'today'::date - k.term_start)
            ELSE least(k.term_end, :'today'::date) END AS served_until
FROM kept k
WINDOW w AS (PARTITION BY k.seat_id ORDER BY k.k);

-- One expert per stint (seat, stint): eligible experts of approved units (PhD or (associate) senior title, at most
-- 55 in the last batch year, no management post, no integrity record, screened or available), in hash order.
CREATE TEMP TABLE stint AS
SELECT seat_id, stint, min(enterprise_id) AS enterprise_id, min(term_start) AS stint_start,
       min(batch_n) AS batch_n,
       (array_agg(status ORDER BY k DESC))[1] AS last_status,
       row_number() OVER (ORDER BY pg_temp.u(seat_id * 16 + stint, 86)) AS sn
FROM term GROUP BY seat_id, stint;

CREATE TEMP TABLE eligible AS
SELECT e.id AS expert_id, e.tracks[1] AS track, e.disciplines, e.keywords, u.out_of_province,
       row_number() OVER (ORDER BY pg_temp.u(e.id, 87)) AS en
FROM expert e JOIN organization u ON u.id = e.unit_id
WHERE e.id > :expert_base AND u.status = 'approved' AND e.status IN ('screened', 'available')
  AND (e.degree = 'phd' OR e.title_level IN ('senior', 'associate_senior'))
  AND e.birth_year >= :last_year - 55 AND NOT e.management_post AND e.integrity_record_year IS NULL;

DO $$
BEGIN
    IF (SELECT count(*) FROM eligible) < (SELECT count(*) FROM stint) THEN
        RAISE EXCEPTION 'bench_reports_load: % eligible experts for % stints', (SELECT count(*) FROM eligible),
            (SELECT count(*) FROM stint);
    END IF;
END $$;

SELECT max(id) AS need_base FROM need \gset

CREATE TEMP TABLE stint_x AS
SELECT s.*, el.expert_id, el.track, el.disciplines, el.keywords, el.out_of_province, :need_base + s.sn AS need_id
FROM stint s JOIN eligible el ON el.en = s.sn;
ANALYZE stint_x;

\set name 'seats, chains, batches'
:step

------------------------------------------------------------------------------------------------------------------------
-- 5. Needs: one per stint (dispatched, solved or closed), the rest in every other state (59,500 generated).

-- All enterprises (demo and generated, any status) numbered 1..n.
CREATE TEMP TABLE ent_idx AS
SELECT row_number() OVER (ORDER BY id)::int AS n, id, tracks FROM organization WHERE kind = 'enterprise';
CREATE INDEX ON ent_idx (n);
ANALYZE ent_idx;

CREATE TEMP TABLE need_gen AS
SELECT s.need_id AS id, s.enterprise_id, s.track, s.disciplines, s.keywords, s.out_of_province AS expert_outside,
       s.expert_id AS dispatched_expert, s.batch_n,
       CASE s.last_status WHEN 'active' THEN 'dispatched' WHEN 'terminated' THEN 'closed'
            ELSE CASE WHEN pg_temp.u(s.need_id, 90) < 0.65 THEN 'solved' ELSE 'closed' END END AS status,
       (s.stint_start - pg_temp.ri(s.need_id, 91, 45, 240))::timestamptz AS created_at,
       true AS had_dispatch
FROM stint_x s;

INSERT INTO need_gen
SELECT g.id, g.enterprise_id, g.track, ARRAY[pg_temp.pick(tw.disciplines, g.id, 93)], tw.keywords, false, NULL, NULL, st.code,
       CASE st.code
           WHEN 'open' THEN :'today'::date - pg_temp.ri(id, 94, 20, 330)
           WHEN 'proposed' THEN :'today'::date - pg_temp.ri(id, 94, 40, 200)
           WHEN 'submitted' THEN :'today'::date - pg_temp.ri(id, 94, 1, 40)
           WHEN 'returned' THEN :'today'::date - pg_temp.ri(id, 94, 5, 90)
           WHEN 'draft' THEN :'today'::date - pg_temp.ri(id, 94, 1, 120)
           WHEN 'expired' THEN make_date(:last_year - 4, 3, 1) + pg_temp.ri(id, 94, 0, 1000)
           ELSE make_date(:last_year - 4, 3, 1) + pg_temp.ri(id, 94, 0, (:'today'::date - make_date(:last_year - 4, 3, 1)) - 30)
       END::timestamptz,
       false
FROM (SELECT :need_base + (SELECT count(*) FROM stint_x) + i AS id,
             -- Drafts may belong to enterprises still pending approval; everything else to approved ones.
             e.id AS enterprise_id, e.tracks[1] AS track, i
      FROM generate_series(1, 59500 - (SELECT count(*)::int FROM stint_x)) i
      JOIN ent_idx e ON e.n = pg_temp.ri(i, 95, 1, (SELECT count(*)::int FROM ent_idx))) g
JOIN track_words tw ON tw.track = g.track
JOIN wt st ON st.dim = 'need_status' AND pg_temp.u(g.id, 92) >= st.lo AND pg_temp.u(g.id, 92) < st.hi;

-- Needs of enterprises that are not approved can only be drafts.
UPDATE need_gen n SET status = 'draft'
FROM organization o WHERE o.id = n.enterprise_id AND o.status <> 'approved' AND n.status <> 'draft';
ANALYZE need_gen;

INSERT INTO need (id, enterprise_id, title, description, technical_targets, tracks, disciplines, keywords, budget,
                  ip_arrangement, expected_outcomes, deadline, confidential, accepts_out_of_province,
                  preferred_expert_id, experts_needed, status, status_reason, expires_on, created_at, updated_at)
SELECT id, enterprise_id,
       kw1 || pg_temp.pick('{技术攻关,工艺优化,关键技术研发,产品升级,质量提升,智能化改造,成果转化,检测方法开发}', id, 100),
       '我公司在' || kw1 || '方面遇到技术瓶颈，希望与高校院所专家合作，围绕' || kw2 || '开展联合攻关，'
           || '公司已安排专项资金用于中试设备改造。',
       kw2 || '指标提升' || pg_temp.ri(id, 101, 10, 40) || '%以上',
       ARRAY[track], disciplines, ARRAY[kw1, kw2],
       (pg_temp.ri(id, 102, 5, 500) * 10000)::numeric(14, 2),
       pg_temp.pick((SELECT items FROM lists WHERE name = 'ip'), id, 103),
       CASE WHEN pg_temp.u(id, 104) < 0.5 THEN '{patent,new_product}'::text[] ELSE '{achievement_transfer}' END,
       (created_at + interval '1 year')::date,
       pg_temp.u(id, 105) < 0.05,
       expert_outside OR pg_temp.u(id, 106) < 0.8,
       CASE WHEN dispatched_expert IS NOT NULL AND pg_temp.u(id, 107) < 0.05 THEN dispatched_expert END,
       CASE WHEN pg_temp.u(id, 108) < 0.85 THEN 1 WHEN pg_temp.u(id, 108) < 0.97 THEN 2 ELSE 3 END,
       status,
       CASE status WHEN 'returned' THEN '需求描述不够具体，请补充技术指标'
                   WHEN 'withdrawn' THEN '企业已自行解决'
                   WHEN 'closed' THEN CASE WHEN had_dispatch THEN '服务期结束，需求关闭' ELSE '企业经营调整，需求关闭' END
                   WHEN 'expired' THEN '超过有效期未匹配' END,
       CASE WHEN status IN ('open', 'proposed') THEN (created_at + interval '1 year')::date END,
       created_at,
       greatest(created_at, least(:'today'::date, (created_at + interval '200 days')::date)::timestamptz)
FROM (SELECT n.*, n.keywords[1 + pg_temp.ri(n.id, 109, 0, cardinality(n.keywords) - 1)] AS kw1,
             n.keywords[1 + pg_temp.ri(n.id, 110, 0, cardinality(n.keywords) - 1)] AS kw2
      FROM need_gen n) x
ORDER BY id;

ANALYZE need;

-- Lifecycle transitions of the generated needs (the funnel report reads `submitted` ones for withdrawn drafts).
INSERT INTO state_transition (entity, entity_id, from_status, to_status, actor_id, reason, at)
SELECT 'need', n.id, step[1], step[2], CASE WHEN step[2] IN ('submitted', 'withdrawn') THEN NULL ELSE :staff_id END,
       CASE WHEN step[2] IN ('returned', 'closed', 'withdrawn', 'expired') THEN n.status_reason END,
       n.created_at + (ord - 1) * interval '9 days'
FROM need n
JOIN need_gen g ON g.id = n.id
JOIN LATERAL (
    SELECT ARRAY[p.steps[i], p.steps[i + 1]] AS step, i AS ord
    FROM (SELECT CASE
              WHEN n.status = 'submitted' THEN '{draft,submitted}'::text[]
              WHEN n.status = 'returned' THEN '{draft,submitted,returned}'
              WHEN n.status = 'open' THEN '{draft,submitted,open}'
              WHEN n.status = 'proposed' THEN '{draft,submitted,open,proposed}'
              WHEN n.status = 'dispatched' THEN '{draft,submitted,open,proposed,dispatched}'
              WHEN n.status = 'solved' THEN '{draft,submitted,open,proposed,dispatched,solved}'
              WHEN n.status = 'closed' AND g.had_dispatch THEN '{draft,submitted,open,proposed,dispatched,closed}'
              WHEN n.status = 'closed' THEN '{draft,submitted,open,closed}'
              WHEN n.status = 'expired' THEN '{draft,submitted,open,expired}'
              WHEN n.status = 'withdrawn' AND pg_temp.u(n.id, 111) < 0.5 THEN '{draft,submitted,withdrawn}'
              WHEN n.status = 'withdrawn' THEN '{draft,withdrawn}'
              ELSE '{draft}' END AS steps) p,
         generate_series(1, cardinality(p.steps) - 1) i
) s ON true
WHERE n.id > :need_base;

\set name 'needs, state transitions'
:step

------------------------------------------------------------------------------------------------------------------------
-- 6. Proposals: the dispatched one of every batch stint; rejected ones for some open, expired and closed needs in
--    earlier batches; the current 补录 batch's proposals for `proposed` needs (under review).

CREATE TEMP TABLE avail_pool AS
SELECT id AS expert_id, row_number() OVER (ORDER BY pg_temp.u(id, 120)) AS an
FROM expert WHERE status = 'available' AND id > :expert_base;
SELECT count(*) AS avail_n FROM avail_pool \gset

SELECT coalesce(max(id), 0) AS proposal_base FROM proposal \gset

CREATE TEMP TABLE proposal_gen AS
SELECT :proposal_base + row_number() OVER (ORDER BY batch_id, need_id) AS id, *
FROM (
    SELECT bm.batch_id, s.need_id, s.expert_id, s.enterprise_id, 'dispatched' AS status, s.seat_id, s.stint,
           bm.term_start
    FROM stint_x s JOIN batch_map bm ON bm.n = s.batch_n
    UNION ALL
    -- Earlier, not dispatched proposals: 35 % of open needs (the batch before), 40 % of expired/closed ones.
    SELECT bm.batch_id, g.id, ap.expert_id, g.enterprise_id, 'rejected', NULL, NULL, bm.term_start
    FROM need_gen g
    JOIN LATERAL (SELECT * FROM batch_map b WHERE b.cohort IN ('Y-4', 'Y-3', 'Y-2', 'Y-1', 'Y')
                  AND b.term_start > g.created_at ORDER BY b.term_start LIMIT 1) bm ON true
    JOIN avail_pool ap ON ap.an = 1 + (g.id % :avail_n)
    WHERE NOT g.had_dispatch
      AND ((g.status = 'open' AND pg_temp.u(g.id, 121) < 0.35)
           OR (g.status IN ('expired', 'closed') AND pg_temp.u(g.id, 121) < 0.40))
    UNION ALL
    SELECT bm.batch_id, g.id, ap.expert_id, g.enterprise_id,
           CASE WHEN pg_temp.u(g.id, 122) < 0.3 THEN 'accepted' ELSE 'proposed' END, NULL, NULL, bm.term_start
    FROM need_gen g
    JOIN batch_map bm ON bm.cohort = 'Yb'
    JOIN avail_pool ap ON ap.an = 1 + ((g.id * 7) % :avail_n)
    WHERE g.status = 'proposed'
) p;

INSERT INTO proposal (id, batch_id, need_id, expert_id, enterprise_id, score, explanation, status, locked,
                      status_reason, enterprise_response, expert_response, created_at, updated_at)
SELECT id, batch_id, need_id, expert_id, enterprise_id, round((0.55 + 0.44 * pg_temp.u(id, 123))::numeric, 4)::float8,
       jsonb_build_object('total', round((0.55 + 0.44 * pg_temp.u(id, 123))::numeric, 4),
                          'text', round((0.3 + 0.6 * pg_temp.u(id, 124))::numeric, 3),
                          'discipline', round(pg_temp.u(id, 125)::numeric, 3)),
       status, status = 'dispatched',
       CASE status WHEN 'rejected' THEN '企业未确认对接' END,
       CASE WHEN status = 'dispatched' THEN 'confirmed' WHEN status = 'rejected' THEN 'declined' END,
       CASE WHEN status = 'dispatched' THEN 'confirmed' END,
       term_start - 45, term_start - 20
FROM proposal_gen ORDER BY id;

\set name 'proposals'
:step

------------------------------------------------------------------------------------------------------------------------
-- 7. Assignments (50,000 in all), through the capacity trigger.

-- The trigger's lookups are cached plans; without statistics on the growing table they could become sequential
-- scans (quadratic), so index access is forced for this statement only.
SET LOCAL enable_seqscan = off;

CREATE TEMP TABLE assignment_gen AS
SELECT :assignment_base + row_number() OVER (ORDER BY t.term_start, t.seat_id, t.k) AS id, t.*, s.expert_id, s.need_id,
       bm.batch_id, pg.id AS proposal_id
FROM term t
JOIN stint_x s ON s.seat_id = t.seat_id AND s.stint = t.stint
LEFT JOIN batch_map bm ON bm.n = t.batch_n
-- Only a stint's first term carries the proposal (proposal_id is unique); renewals copy batch and need.
LEFT JOIN proposal_gen pg ON pg.seat_id = t.seat_id AND pg.stint = t.stint AND pg.status = 'dispatched'
    AND t.term_start = s.stint_start;
ANALYZE assignment_gen;

INSERT INTO assignment (id, batch_id, proposal_id, need_id, expert_id, enterprise_id, term_start, term_end, status,
                        agreement_ref, agreement_signed_on, created_by, created_at, renews_assignment_id)
SELECT a.id, a.batch_id, a.proposal_id, a.need_id, a.expert_id, a.enterprise_id, a.term_start, a.term_end, a.status,
       CASE WHEN pg_temp.u(a.id, 130) < 0.9 THEN 'JL-KCZY-' || extract(year FROM a.term_start) || '-' || lpad(a.id::text, 6, '0') END,
       CASE WHEN pg_temp.u(a.id, 130) < 0.9 THEN a.term_start - pg_temp.ri(a.id, 131, 3, 20) END,
       :staff_id, a.term_start - 10, prev.id
FROM assignment_gen a
LEFT JOIN assignment_gen prev ON prev.seat_id = a.seat_id AND prev.k = a.k - 1 AND prev.stint = a.stint
ORDER BY a.id;

SET LOCAL enable_seqscan = on;
ANALYZE assignment;

-- Experts of active assignments are dispatched; the others of finished stints are available again.
UPDATE expert e SET status = CASE WHEN a.active THEN 'dispatched' ELSE 'available' END
FROM (SELECT expert_id, bool_or(status = 'active') AS active FROM assignment_gen GROUP BY expert_id) a
WHERE e.id = a.expert_id;

\set name 'assignments'
:step

------------------------------------------------------------------------------------------------------------------------
-- 8. Outcomes: exactly 500,000 in all, spread over the generated assignments in proportion to the days served
--    (with a per-assignment productivity factor); achieved within the service, 70 % verified, 22 % reported,
--    8 % rejected with a reason.

CREATE TEMP TABLE out_alloc AS
SELECT id, term_start, served_until, days,
       (floor(:outcomes_to_make * cw / tw) - floor(:outcomes_to_make * (cw - w) / tw))::int AS n
FROM (SELECT id, term_start, served_until, days, w, sum(w) OVER (ORDER BY id) AS cw, sum(w) OVER () AS tw
      FROM (SELECT a.id, a.term_start, g.served_until, greatest(g.served_until - a.term_start, 1) AS days,
                   (greatest(g.served_until - a.term_start, 1) * (0.2 + 1.6 * pg_temp.u(a.id, 140)))::numeric AS w
            FROM assignment a JOIN assignment_gen g ON g.id = a.id) x) y;

INSERT INTO outcome (assignment_id, kind, title, description, achieved_on, trained_count, trained_names, contract_type,
                     contract_value, amount_received, registry_number, patent_number, status, status_reason,
                     reported_by, verified_by, verified_at, created_at)
SELECT assignment_id, kind,
       CASE kind
           WHEN 'project' THEN '联合申报' || w || '创新项目'
           WHEN 'achievement_transfer' THEN w || '成果在企业转化应用'
           WHEN 'standard' THEN '企业标准：' || w || '技术规范'
           WHEN 'new_product' THEN '新产品：' || w || '型号' || pg_temp.ri(key, 150, 100, 999)
           WHEN 'platform' THEN '校企联合' || w || '创新平台'
           WHEN 'staff_trained' THEN '培养企业技术骨干'
           WHEN 'contract' THEN w || '技术合同'
           ELSE '一种' || w || '的改进方法' END,
       '',
       achieved_on,
       CASE WHEN kind = 'staff_trained' THEN pg_temp.ri(key, 151, 1, 20) END,
       '{}',
       CASE WHEN kind = 'contract' THEN pg_temp.pick((SELECT items FROM lists WHERE name = 'contract_type'), key, 152) END,
       CASE WHEN kind = 'contract' THEN value END,
       CASE WHEN kind = 'contract' AND pg_temp.u(key, 153) < 0.85 THEN round(value * pg_temp.u(key, 154)::numeric, 2) END,
       CASE WHEN kind = 'contract' THEN '2201' || extract(year FROM achieved_on) || lpad(pg_temp.ri(key, 155, 0, 999999)::text, 6, '0') END,
       CASE WHEN kind = 'patent' AND status <> 'rejected'
            THEN 'ZL' || extract(year FROM achieved_on) || '1' || lpad(pg_temp.ri(key, 156, 0, 9999999)::text, 7, '0')
                 || '.' || pg_temp.ri(key, 157, 0, 9) END,
       status,
       CASE WHEN status = 'rejected' THEN pg_temp.pick((SELECT items FROM lists WHERE name = 'reject_reason'), key, 158) END,
       NULL,
       CASE WHEN status <> 'reported' THEN :staff_id END,
       CASE WHEN status <> 'reported' THEN least(achieved_on + pg_temp.ri(key, 159, 3, 60), :'today'::date)::timestamptz END,
       achieved_on::timestamptz
FROM (
    SELECT o.id AS assignment_id, o.id * 1000 + g AS key, kd.code AS kind,
           o.term_start + floor(pg_temp.u(o.id * 1000 + g, 141) * o.days)::int AS achieved_on,
           pg_temp.pick((SELECT items FROM lists WHERE name = 'outcome_word'), o.id * 1000 + g, 142) AS w,
           round((10000 + 3000000 * power(pg_temp.u(o.id * 1000 + g, 143), 3))::numeric, 2) AS value,
           st.code AS status
    FROM out_alloc o
    CROSS JOIN LATERAL generate_series(1, o.n) g
    JOIN wt kd ON kd.dim = 'outcome_kind' AND pg_temp.u(o.id * 1000 + g, 144) >= kd.lo AND pg_temp.u(o.id * 1000 + g, 144) < kd.hi
    JOIN wt st ON st.dim = 'outcome_status' AND pg_temp.u(o.id * 1000 + g, 145) >= st.lo AND pg_temp.u(o.id * 1000 + g, 145) < st.hi
) x
ORDER BY assignment_id, key;

\set name 'outcomes'
:step

------------------------------------------------------------------------------------------------------------------------
-- 9. Service logs (about 1,000,000): about 18 visits a year at a per-assignment diligence (0.4–1.4), 1–10 days
--    each, evenly spread over the service so far, never after `today` or the term's end.

INSERT INTO service_log (assignment_id, served_on, days, work, recorded_by, created_at)
SELECT o.id,
       o.term_start + floor((g - 1 + pg_temp.u(o.id * 1000 + g, 161)) * o.days / o.visits)::int,
       (pg_temp.ri(o.id * 1000 + g, 162, 2, 20) / 2.0)::numeric(4, 1),
       pg_temp.pick((SELECT items FROM lists WHERE name = 'work'), o.id * 1000 + g, 163),
       CASE WHEN pg_temp.u(o.id * 1000 + g, 164) < 0.1 THEN :staff_id END,
       (o.term_start + floor((g - 1 + pg_temp.u(o.id * 1000 + g, 161)) * o.days / o.visits)::int + 1)::timestamptz
FROM (SELECT id, term_start, days,
             greatest(2, round(days / 365.0 * 18 * (0.4 + pg_temp.u(id, 160))))::int AS visits
      FROM out_alloc) o,
     generate_series(1, o.visits) g
ORDER BY o.id, g;

\set name 'service logs'
:step

------------------------------------------------------------------------------------------------------------------------
-- 10. Assessments: one per calendar year served past December 1 (graded on December 20), and a final one for
--     every finished assignment; a renewed assignment's last grade is excellent or good (the renewal rule).

INSERT INTO assessment (assignment_id, period, grade, comments, assessed_by, assessed_on)
SELECT id, period,
       CASE WHEN renewed_final THEN CASE WHEN pg_temp.u(id * 100 + yr, 171) < 0.4 THEN 'excellent' ELSE 'good' END
            ELSE gr.code END,
       '', :staff_id, assessed_on
FROM (
    SELECT g.id, y::text AS period, y AS yr, make_date(y, 12, 20) AS assessed_on, false AS renewed_final
    FROM assignment_gen g,
         generate_series(extract(year FROM g.term_start)::int, extract(year FROM g.served_until)::int) y
    WHERE make_date(y, 12, 1) >= g.term_start + 90 AND make_date(y, 12, 20) <= g.served_until
    UNION ALL
    SELECT g.id, 'final', 0, least(g.served_until + 15, :'today'::date), g.status = 'renewed'
    FROM assignment_gen g WHERE g.status IN ('completed', 'renewed', 'terminated')
) x
JOIN wt gr ON gr.dim = 'grade' AND pg_temp.u(x.id * 100 + x.yr, 170) >= gr.lo AND pg_temp.u(x.id * 100 + x.yr, 170) < gr.hi
ORDER BY id, period;

\set name 'assessments'
:step

------------------------------------------------------------------------------------------------------------------------
-- 11. Sequences past the explicit ids; audit triggers back on; consistency checks.

DO $$
BEGIN
    PERFORM setval(pg_get_serial_sequence('expert', 'id'), (SELECT max(id) FROM expert));
    PERFORM setval(pg_get_serial_sequence('need', 'id'), (SELECT max(id) FROM need));
    PERFORM setval(pg_get_serial_sequence('proposal', 'id'), (SELECT max(id) FROM proposal));
    PERFORM setval(pg_get_serial_sequence('assignment', 'id'), (SELECT max(id) FROM assignment));
END $$;

ALTER TABLE organization ENABLE TRIGGER audit;
ALTER TABLE expert ENABLE TRIGGER audit;
ALTER TABLE need ENABLE TRIGGER audit;
ALTER TABLE match_batch ENABLE TRIGGER audit;
ALTER TABLE proposal ENABLE TRIGGER audit;
ALTER TABLE assignment ENABLE TRIGGER audit;
ALTER TABLE service_log ENABLE TRIGGER audit;
ALTER TABLE outcome ENABLE TRIGGER audit;
ALTER TABLE assessment ENABLE TRIGGER audit;

DO $$
DECLARE
    bad bigint;
BEGIN
    SELECT count(*) INTO bad FROM (
        SELECT a.expert_id FROM assignment a JOIN expert e ON e.id = a.expert_id
        WHERE a.status = 'active' GROUP BY a.expert_id, e.capacity HAVING count(*) > e.capacity) x;
    IF bad > 0 THEN RAISE EXCEPTION 'bench_reports_load: % experts over capacity', bad; END IF;
    SELECT count(*) INTO bad FROM (
        SELECT enterprise_id FROM assignment WHERE status = 'active' GROUP BY 1
        HAVING count(*) > (SELECT (value #>> '{}')::int FROM program_setting WHERE key = 'max_experts_per_enterprise')) x;
    IF bad > 0 THEN RAISE EXCEPTION 'bench_reports_load: % enterprises over the cap', bad; END IF;
    SELECT count(*) INTO bad FROM assignment a JOIN assignment p ON p.id = a.renews_assignment_id
    WHERE p.expert_id <> a.expert_id OR p.status <> 'renewed' OR a.term_start <> p.term_end;
    IF bad > 0 THEN RAISE EXCEPTION 'bench_reports_load: % inconsistent renewals', bad; END IF;
    SELECT count(*) INTO bad FROM assignment a JOIN need n ON n.id = a.need_id WHERE n.enterprise_id <> a.enterprise_id;
    IF bad > 0 THEN RAISE EXCEPTION 'bench_reports_load: % assignments for another enterprise''s need', bad; END IF;
    SELECT count(*) INTO bad FROM outcome o JOIN assignment a ON a.id = o.assignment_id
    WHERE o.achieved_on < a.term_start OR o.achieved_on >= a.term_end OR o.achieved_on > (SELECT today FROM p);
    IF bad > 0 THEN RAISE EXCEPTION 'bench_reports_load: % outcomes outside their term', bad; END IF;
    SELECT count(*) INTO bad FROM service_log l JOIN assignment a ON a.id = l.assignment_id
    WHERE l.served_on < a.term_start OR l.served_on >= a.term_end;
    IF bad > 0 THEN RAISE EXCEPTION 'bench_reports_load: % service logs outside their term', bad; END IF;
END $$;

\set name 'checks'
:step
COMMIT;

-- Taxonomies are data, versioned by release, never enums in code.
CREATE TABLE taxonomy_release (
    id serial PRIMARY KEY,
    taxonomy text NOT NULL CHECK (taxonomy IN ('industry_track', 'region', 'discipline')),
    version text NOT NULL,
    source text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (taxonomy, version)
);

CREATE TABLE industry_track (
    code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
    name_zh text NOT NULL UNIQUE,
    name_en text NOT NULL,
    sort_order integer NOT NULL,
    release_id integer NOT NULL REFERENCES taxonomy_release (id),
    retired_release_id integer REFERENCES taxonomy_release (id)
);

-- Sub-areas the program names inside a track (e.g. materials).
CREATE TABLE industry_track_area (
    code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
    track_code text NOT NULL REFERENCES industry_track (code),
    name_zh text NOT NULL,
    name_en text NOT NULL,
    release_id integer NOT NULL REFERENCES taxonomy_release (id),
    UNIQUE (track_code, name_zh)
);

INSERT INTO taxonomy_release (taxonomy, version, source)
VALUES ('industry_track', '2026.1', '吉林省科创专员工作方案: seven industry tracks');

INSERT INTO industry_track (code, name_zh, name_en, sort_order, release_id)
SELECT v.code, v.name_zh, v.name_en, v.sort_order, r.id
FROM (VALUES
    ('agriculture', '大农业', 'Agriculture', 1),
    ('equipment', '大装备', 'Equipment manufacturing', 2),
    ('bigdata', '大数据', 'Big data', 3),
    ('new_energy', '新能源', 'New energy', 4),
    ('new_materials', '新材料', 'New materials', 5),
    ('new_medicine', '新医药', 'New medicine', 6),
    ('optoelectronics', '光电信息', 'Optoelectronic information', 7)
) AS v (code, name_zh, name_en, sort_order)
CROSS JOIN (SELECT id FROM taxonomy_release WHERE taxonomy = 'industry_track' AND version = '2026.1') AS r;

INSERT INTO industry_track_area (code, track_code, name_zh, name_en, release_id)
SELECT v.code, 'new_materials', v.name_zh, v.name_en, r.id
FROM (VALUES
    ('carbon_fibre_composites', '碳纤维及复合材料', 'Carbon fibre and composites'),
    ('polymers', '高分子材料', 'Polymer materials'),
    ('eco_materials', '生态环境材料', 'Eco-environmental materials'),
    ('energy_materials', '先进能源关键材料', 'Key materials for advanced energy'),
    ('metals', '金属材料', 'Metal materials'),
    ('fine_chemicals', '精细化工', 'Fine chemicals')
) AS v (code, name_zh, name_en)
CROSS JOIN (SELECT id FROM taxonomy_release WHERE taxonomy = 'industry_track' AND version = '2026.1') AS r;

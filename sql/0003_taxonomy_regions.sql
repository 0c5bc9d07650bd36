-- GB/T 2260 codes: the province's cities (6 digits) and province-level units (2 digits) for
-- out-of-province dispatching units. Greater Bay Area members are flagged for reporting.
CREATE TABLE region (
    code text PRIMARY KEY CHECK (code ~ '^([0-9]{2}|[0-9]{6})$'),
    name_zh text NOT NULL,
    level text NOT NULL CHECK (level IN ('province', 'city')),
    province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    greater_bay_area boolean NOT NULL DEFAULT false,
    home_province boolean NOT NULL DEFAULT false,
    release_id integer NOT NULL REFERENCES taxonomy_release (id),
    CHECK (level = 'province' AND length(code) = 2 OR level = 'city' AND length(code) = 6),
    CHECK (left(code, 2) = province_code)
);

INSERT INTO taxonomy_release (taxonomy, version, source) VALUES ('region', 'GB/T 2260-2007+2024', 'GB/T 2260');

INSERT INTO region (code, name_zh, level, province_code, greater_bay_area, home_province, release_id)
SELECT v.code, v.name_zh, v.level, left(v.code, 2), v.gba, left(v.code, 2) = '22', r.id
FROM (VALUES
    ('11', '北京市', 'province', false), ('12', '天津市', 'province', false), ('13', '河北省', 'province', false),
    ('14', '山西省', 'province', false), ('15', '内蒙古自治区', 'province', false), ('21', '辽宁省', 'province', false),
    ('22', '吉林省', 'province', false), ('23', '黑龙江省', 'province', false), ('31', '上海市', 'province', false),
    ('32', '江苏省', 'province', false), ('33', '浙江省', 'province', false), ('34', '安徽省', 'province', false),
    ('35', '福建省', 'province', false), ('36', '江西省', 'province', false), ('37', '山东省', 'province', false),
    ('41', '河南省', 'province', false), ('42', '湖北省', 'province', false), ('43', '湖南省', 'province', false),
    ('44', '广东省', 'province', false), ('45', '广西壮族自治区', 'province', false), ('46', '海南省', 'province', false),
    ('50', '重庆市', 'province', false), ('51', '四川省', 'province', false), ('52', '贵州省', 'province', false),
    ('53', '云南省', 'province', false), ('54', '西藏自治区', 'province', false), ('61', '陕西省', 'province', false),
    ('62', '甘肃省', 'province', false), ('63', '青海省', 'province', false), ('64', '宁夏回族自治区', 'province', false),
    ('65', '新疆维吾尔自治区', 'province', false), ('71', '台湾省', 'province', false),
    ('81', '香港特别行政区', 'province', true), ('82', '澳门特别行政区', 'province', true),
    ('220100', '长春市', 'city', false), ('220200', '吉林市', 'city', false), ('220300', '四平市', 'city', false),
    ('220400', '辽源市', 'city', false), ('220500', '通化市', 'city', false), ('220600', '白山市', 'city', false),
    ('220700', '松原市', 'city', false), ('220800', '白城市', 'city', false),
    ('222400', '延边朝鲜族自治州', 'city', false),
    ('440100', '广州市', 'city', true), ('440300', '深圳市', 'city', true), ('440400', '珠海市', 'city', true),
    ('440600', '佛山市', 'city', true), ('440700', '江门市', 'city', true), ('441200', '肇庆市', 'city', true),
    ('441300', '惠州市', 'city', true), ('441900', '东莞市', 'city', true), ('442000', '中山市', 'city', true)
) AS v (code, name_zh, level, gba)
CROSS JOIN (SELECT id FROM taxonomy_release WHERE taxonomy = 'region') AS r;

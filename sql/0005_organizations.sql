-- Organizations: enterprises and dispatching units (universities, institutes, new-type R&D institutions).
CREATE TABLE organization (
    id bigserial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('enterprise', 'university', 'institute', 'rnd_institution')),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 200),
    identifier_kind text NOT NULL
        CHECK (identifier_kind IN ('uscc', 'hk_business_registration', 'macao_registration', 'foreign', 'other')),
    identifier text NOT NULL CHECK (length(identifier) BETWEEN 1 AND 50),
    country_code text CHECK (country_code ~ '^[A-Z]{2}$'),
    region_code text NOT NULL REFERENCES region (code),
    province_code text GENERATED ALWAYS AS (left(region_code, 2)) STORED,
    out_of_province boolean GENERATED ALWAYS AS (left(region_code, 2) <> '22') STORED,
    address text NOT NULL DEFAULT '',
    summary text NOT NULL DEFAULT '',
    founded_year integer CHECK (founded_year BETWEEN 1800 AND 2100),
    tracks text[] NOT NULL DEFAULT '{}',
    qualifications text[] NOT NULL DEFAULT '{}'
        CHECK (qualifications <@ ARRAY['high_tech', 'tech_sme', 'specialized']::text[]),
    contact_name text NOT NULL DEFAULT '',
    contact_phone text NOT NULL DEFAULT '',
    contact_email text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'merged')),
    merged_into bigint REFERENCES organization (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- GB 32100 shape; the check character itself is verified in Domain.USCC before any write.
    CHECK (identifier_kind <> 'uscc' OR identifier ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
    -- Enterprises must be registered in the province with a USCC; units may come from anywhere.
    CHECK (kind <> 'enterprise' OR (identifier_kind = 'uscc' AND left(region_code, 2) = '22')),
    CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
    CHECK (merged_into IS DISTINCT FROM id)
);

-- One live organization per identifier; merged duplicates keep their row for history.
CREATE UNIQUE INDEX organization_identifier_key ON organization (identifier_kind, identifier)
    WHERE status <> 'merged';
CREATE INDEX organization_name_trgm ON organization USING gin (name gin_trgm_ops);
CREATE INDEX organization_kind_status ON organization (kind, status);

-- Other names an organization is known by (former names, abbreviations). Never merged automatically.
CREATE TABLE organization_alias (
    organization_id bigint NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    alias text NOT NULL CHECK (length(btrim(alias)) > 0),
    PRIMARY KEY (organization_id, alias)
);
CREATE INDEX organization_alias_trgm ON organization_alias USING gin (alias gin_trgm_ops);

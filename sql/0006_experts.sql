-- Experts (researchers) of dispatching units.
CREATE TABLE expert (
    id bigserial PRIMARY KEY,
    unit_id bigint NOT NULL REFERENCES organization (id),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 50),
    degree text CHECK (degree IN ('phd', 'master', 'bachelor', 'other')),
    title_level text CHECK (title_level IN ('senior', 'associate_senior', 'intermediate', 'junior', 'none')),
    title_name text,
    birth_year integer CHECK (birth_year BETWEEN 1930 AND 2010),
    disciplines text[] NOT NULL DEFAULT '{}' CHECK (array_position(disciplines, NULL) IS NULL),
    tracks text[] NOT NULL DEFAULT '{}',
    keywords text[] NOT NULL DEFAULT '{}',
    summary text NOT NULL DEFAULT '',
    achievements text[] NOT NULL DEFAULT '{}',
    patents text[] NOT NULL DEFAULT '{}',
    management_post boolean NOT NULL DEFAULT false,
    talent_enclave boolean NOT NULL DEFAULT false,
    integrity_record_year integer CHECK (integrity_record_year BETWEEN 1990 AND 2100),
    capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 10),
    available_from date,
    available_to date,
    phone text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'registered' CHECK (
        status IN ('registered', 'approved', 'pending_reapproval', 'screened', 'available', 'dispatched', 'suspended')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (available_to IS NULL OR available_from IS NULL OR available_to >= available_from)
);
CREATE INDEX expert_unit ON expert (unit_id);
CREATE INDEX expert_status ON expert (status);
CREATE INDEX expert_disciplines ON expert USING gin (disciplines);
CREATE INDEX expert_name_trgm ON expert USING gin (name gin_trgm_ops);

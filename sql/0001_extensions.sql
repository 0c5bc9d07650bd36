-- Extensions kczy relies on. pg_trgm serves Chinese LIKE '%…%' searches (needs a C.UTF-8 or UTF-8 locale);
-- btree_gist allows exclusion constraints that mix equality with ranges (assignment terms).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Extensions the directory and the library search rely on (trigram and accent-insensitive matching).
CREATE EXTENSION IF NOT EXISTS "pg_trgm";
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- Earlier years' published reports loaded by the province as history (POST /api/v1/history): the document kept as it
-- came, what the importer read, and the outcome. IMPORTED: announced as history imported (one per organisation and
-- year; a new load replaces it, the old one is kept as REPLACED). NEEDS_ATTENTION: the document could not be read
-- unambiguously, or names another organ or year: listed for a person, nothing announced.
CREATE TABLE history_import (
    id                BIGSERIAL PRIMARY KEY,
    organisation_code TEXT        NOT NULL,
    year              INT         NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('IMPORTED', 'NEEDS_ATTENTION', 'REPLACED')),
    source_name       TEXT,
    source_sha256     TEXT        NOT NULL,
    document          BYTEA       NOT NULL,
    format            TEXT,
    report            JSONB,
    import_notes      JSONB       NOT NULL DEFAULT '[]',
    problem           TEXT,
    imported_by       TEXT        NOT NULL,
    imported_at       TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX history_import_current ON history_import (organisation_code, year) WHERE status = 'IMPORTED';
CREATE INDEX history_import_by_year ON history_import (year, organisation_code);

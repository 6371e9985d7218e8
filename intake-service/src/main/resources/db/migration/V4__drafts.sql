-- A township's draft of a year's report: its own, kept between visits, never seen by the county and no version (no
-- event). Replaced on every save; removed when the township submits a version of that year.
CREATE TABLE draft (
    organisation_code TEXT        NOT NULL,
    year              INT         NOT NULL,
    report            JSONB       NOT NULL,
    import_notes      JSONB       NOT NULL DEFAULT '[]',
    provenance        JSONB       NOT NULL DEFAULT '[]',
    saved_at          TIMESTAMPTZ NOT NULL,
    saved_by          TEXT        NOT NULL,
    PRIMARY KEY (organisation_code, year)
);

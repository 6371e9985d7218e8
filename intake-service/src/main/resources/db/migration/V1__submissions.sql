-- One row per report (organisation + reporting year): the lock that serialises new versions.
CREATE TABLE report (
    report_id         TEXT PRIMARY KEY,
    organisation_code TEXT NOT NULL,
    year              INT  NOT NULL,
    latest_version    INT  NOT NULL DEFAULT 0
);
CREATE INDEX report_by_organisation ON report (organisation_code, year);

-- Every version a township sent; earlier versions stay readable.
CREATE TABLE report_version (
    report_id         TEXT        NOT NULL REFERENCES report (report_id),
    version           INT         NOT NULL,
    organisation_code TEXT        NOT NULL,
    organisation_name TEXT,
    county_code       TEXT,
    year              INT         NOT NULL,
    state             TEXT        NOT NULL,
    source            TEXT        NOT NULL,
    report            JSONB       NOT NULL,
    import_notes      JSONB       NOT NULL DEFAULT '[]',
    findings          JSONB,
    review_comment    TEXT,
    public_url        TEXT,
    submitted_at      TIMESTAMPTZ NOT NULL,
    submitted_by      TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (report_id, version)
);

-- A retried POST with the same Idempotency-Key gets the first answer.
CREATE TABLE idempotency_key (
    subject    TEXT        NOT NULL,
    key        TEXT        NOT NULL,
    report_id  TEXT        NOT NULL,
    version    INT         NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, key)
);

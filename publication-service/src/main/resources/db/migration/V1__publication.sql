-- One row per approved version: PUBLISHING → PUBLISHED (public URL, archive id) or PUBLICATION_FAILED (reason).
-- The primary key makes a redelivered or re-sent decision change nothing.
CREATE TABLE publication (
    report_id         TEXT        NOT NULL,
    version           INT         NOT NULL,
    organisation_code TEXT        NOT NULL,
    organisation_name TEXT        NOT NULL,
    county_code       TEXT,
    year              INT         NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('PUBLISHING', 'PUBLISHED', 'PUBLICATION_FAILED')),
    -- the review decided payload exactly as received: report, findings, audit trail, acknowledgements
    decision          TEXT        NOT NULL,
    decision_event_id TEXT        NOT NULL,
    approved_at       TIMESTAMPTZ NOT NULL,
    approved_by       TEXT,
    attempts          INT         NOT NULL DEFAULT 0,
    -- the worker holding the version (portal call under way) and until when; an expired lease is picked up again
    lease_token       UUID,
    lease_until       TIMESTAMPTZ,
    public_url        TEXT,
    version_url       TEXT,
    archive_id        TEXT,
    failure_reason    TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at      TIMESTAMPTZ,
    PRIMARY KEY (report_id, version)
);
CREATE INDEX publication_pending ON publication (created_at) WHERE status = 'PUBLISHING';
CREATE INDEX publication_organisation_year ON publication (organisation_code, year);
CREATE INDEX publication_status ON publication (status, updated_at);

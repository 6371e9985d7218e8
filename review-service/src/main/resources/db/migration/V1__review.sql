-- One review case per report version that validation checked (passed or not). The state machine lives in
-- cn.gov.disclosure.review.domain.ReviewStateMachine; the database only guards what it can guard cheaply.
CREATE TABLE review_case (
    id                TEXT        PRIMARY KEY,               -- <reportId>-v<version>, e.g. 350582107-2021-v2
    report_id         TEXT        NOT NULL,
    version           INT         NOT NULL CHECK (version >= 1),
    organisation_code TEXT        NOT NULL,
    organisation_name TEXT,
    county_code       TEXT,
    year              INT         NOT NULL,
    state             TEXT        NOT NULL CHECK (state IN ('VALIDATION_FAILED', 'AWAITING_REVIEW', 'IN_REVIEW',
                                                            'APPROVED', 'RETURNED', 'SUPERSEDED')),
    passed            BOOLEAN     NOT NULL,
    error_count       INT         NOT NULL,
    warning_count     INT         NOT NULL,
    findings          JSON        NOT NULL,               -- JSON, not JSONB: keeps the order as written
    report            JSON        NOT NULL,
    submitted_at      TIMESTAMPTZ,
    validated_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    claimed_by        TEXT,
    claimed_by_name   TEXT,
    claimed_at        TIMESTAMPTZ,
    decided_by        TEXT,
    decided_by_name   TEXT,
    decided_at        TIMESTAMPTZ,
    decision_comment  TEXT,
    superseded_by     TEXT,
    -- optimistic locking: +1 on every change of the case's representation; the ETag of GET /cases/{id}
    row_version       BIGINT      NOT NULL DEFAULT 1,
    CONSTRAINT review_case_report_version UNIQUE (report_id, version),
    CONSTRAINT review_case_claimed_iff_in_review CHECK ((state = 'IN_REVIEW') = (claimed_by IS NOT NULL))
);
CREATE INDEX review_case_org_year ON review_case (organisation_code, year);
CREATE INDEX review_case_state ON review_case (state);
CREATE INDEX review_case_updated ON review_case (updated_at DESC, id);

-- Every transition of every case, append-only (the trigger refuses UPDATE, DELETE and TRUNCATE).
CREATE TABLE case_audit (
    seq        BIGSERIAL   PRIMARY KEY,
    case_id    TEXT        NOT NULL REFERENCES review_case (id),
    at         TIMESTAMPTZ NOT NULL,
    actor      TEXT        NOT NULL,
    actor_name TEXT,
    from_state TEXT,
    to_state   TEXT        NOT NULL,
    comment    TEXT
);
CREATE INDEX case_audit_case ON case_audit (case_id, seq);

CREATE FUNCTION case_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_audit is append-only (% refused)', TG_OP;
END
$$;
CREATE TRIGGER case_audit_no_change BEFORE UPDATE OR DELETE ON case_audit
    FOR EACH ROW EXECUTE FUNCTION case_audit_append_only();
CREATE TRIGGER case_audit_no_truncate BEFORE TRUNCATE ON case_audit
    FOR EACH STATEMENT EXECUTE FUNCTION case_audit_append_only();

-- The warnings a reviewer acknowledged when approving (one row per warning key: code + row + column).
CREATE TABLE case_acknowledgement (
    case_id              TEXT        NOT NULL REFERENCES review_case (id),
    seq                  INT         NOT NULL,
    finding_code         TEXT        NOT NULL,
    row_key              TEXT,
    column_key           TEXT,
    note                 TEXT,
    acknowledged_by      TEXT        NOT NULL,
    acknowledged_by_name TEXT,
    acknowledged_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, seq)
);

-- The approved report of each organisation and year: last year's report beside this year's case, and the
-- approval time for the deadlines view.
CREATE TABLE approved_report (
    organisation_code TEXT        NOT NULL,
    year              INT         NOT NULL,
    report_id         TEXT        NOT NULL,
    version           INT         NOT NULL,
    case_id           TEXT        NOT NULL,
    report            JSON        NOT NULL,
    approved_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organisation_code, year)
);

-- Publications announced by the publication service (report published).
CREATE TABLE publication (
    report_id         TEXT        NOT NULL,
    version           INT         NOT NULL,
    organisation_code TEXT        NOT NULL,
    year              INT         NOT NULL,
    public_url        TEXT,
    archive_id        TEXT,
    published_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (report_id, version)
);
CREATE INDEX publication_org_year ON publication (organisation_code, year);

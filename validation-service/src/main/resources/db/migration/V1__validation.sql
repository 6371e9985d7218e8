-- The result of validating each version; one per version, whatever happens to the events.
CREATE TABLE validation_result (
    report_id         TEXT        NOT NULL,
    version           INT         NOT NULL,
    organisation_code TEXT        NOT NULL,
    year              INT         NOT NULL,
    passed            BOOLEAN     NOT NULL,
    findings          JSONB       NOT NULL,
    report            JSONB       NOT NULL,
    validated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (report_id, version)
);

-- The approved report of each organisation and year (from review decided), for the cross-year checks.
CREATE TABLE approved_report (
    organisation_code TEXT        NOT NULL,
    year              INT         NOT NULL,
    report_id         TEXT        NOT NULL,
    version           INT         NOT NULL,
    report            JSONB       NOT NULL,
    approved_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organisation_code, year)
);

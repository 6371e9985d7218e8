-- A township may withdraw a version before the county decides (report withdrawn, from intake).
ALTER TABLE review_case DROP CONSTRAINT review_case_state_check;
ALTER TABLE review_case ADD CONSTRAINT review_case_state_check CHECK (state IN ('VALIDATION_FAILED',
    'AWAITING_REVIEW', 'IN_REVIEW', 'APPROVED', 'RETURNED', 'SUPERSEDED', 'WITHDRAWN'));

-- Withdrawals, kept even when the version's case does not exist yet (validation may still be at work on it).
CREATE TABLE withdrawn_version (
    report_id    TEXT        NOT NULL,
    version      INT         NOT NULL,
    withdrawn_by TEXT,
    withdrawn_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (report_id, version)
);

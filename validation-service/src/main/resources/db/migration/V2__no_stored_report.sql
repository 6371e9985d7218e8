-- The validated report is not kept: nothing read it (the event carries it on; last year's approved report, which the
-- cross-year checks read, is in approved_report).
ALTER TABLE validation_result DROP COLUMN report;

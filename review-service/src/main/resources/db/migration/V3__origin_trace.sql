-- The W3C traceparent of the submission that the case came from (received with report validated). The county's
-- decision, days later, continues that trace: one report is one trace from intake to the portal.
ALTER TABLE review_case ADD COLUMN origin_traceparent TEXT;

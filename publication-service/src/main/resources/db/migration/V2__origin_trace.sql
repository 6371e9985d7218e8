-- The W3C traceparent that came with the approval (the submission's trace, continued by review): the publication
-- attempt, on a worker thread of its own, logs under it and report published continues it.
ALTER TABLE publication ADD COLUMN origin_traceparent TEXT;

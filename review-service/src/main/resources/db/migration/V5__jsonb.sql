-- The JSON columns as every other service stores them (JSONB, what Hibernate's JSON mapping writes); arrays keep
-- their order, so the findings read back as validation wrote them.
ALTER TABLE review_case ALTER COLUMN findings TYPE JSONB USING findings::jsonb;
ALTER TABLE review_case ALTER COLUMN report TYPE JSONB USING report::jsonb;
ALTER TABLE review_case ALTER COLUMN import_notes DROP DEFAULT;
ALTER TABLE review_case ALTER COLUMN import_notes TYPE JSONB USING import_notes::jsonb;
ALTER TABLE review_case ALTER COLUMN import_notes SET DEFAULT '[]';
ALTER TABLE review_case ALTER COLUMN provenance DROP DEFAULT;
ALTER TABLE review_case ALTER COLUMN provenance TYPE JSONB USING provenance::jsonb;
ALTER TABLE review_case ALTER COLUMN provenance SET DEFAULT '[]';
ALTER TABLE approved_report ALTER COLUMN report TYPE JSONB USING report::jsonb;

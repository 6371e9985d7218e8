-- How the version was read from the township's document (received with report validated): the importer's notes
-- and each cell's provenance (page, line, the raw text, how it was read, which figures the clerk changed), so that a
-- reviewer never approves a guessed figure unseen. Empty for a report sent as JSON and for cases opened before.
ALTER TABLE review_case ADD COLUMN import_notes JSON NOT NULL DEFAULT '[]';
ALTER TABLE review_case ADD COLUMN provenance JSON NOT NULL DEFAULT '[]';

-- Where each cell of an imported version came from (page, line, raw text, how it was read): the importer's
-- provenance, shown to the township and the reviewers beside the figures. Empty for JSON submissions.
ALTER TABLE report_version ADD COLUMN provenance JSONB NOT NULL DEFAULT '[]';

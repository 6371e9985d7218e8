-- An earlier year's report loaded as history (history imported, version 0): kept beside the next year's case and in
-- the summaries like an approved report, marked, with no case; a report approved in the platform replaces it, never
-- the other way round. The deadlines view does not count history as an approval of that year.
ALTER TABLE approved_report ADD COLUMN history BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE approved_report ALTER COLUMN case_id DROP NOT NULL;

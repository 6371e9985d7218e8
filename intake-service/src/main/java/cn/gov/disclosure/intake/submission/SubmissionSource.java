package cn.gov.disclosure.intake.submission;

/** How the report reached intake: as JSON, or as a document of one of the formats the importer reads. */
public enum SubmissionSource { JSON, TEXT, DOCX, DOC, PDF, HTML }

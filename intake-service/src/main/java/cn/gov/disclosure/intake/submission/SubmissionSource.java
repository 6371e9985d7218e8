package cn.gov.disclosure.intake.submission;

/** How the report reached intake. */
public enum SubmissionSource { JSON, TEXT, DOCX }

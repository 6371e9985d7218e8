package cn.gov.disclosure.intake.submission;

/** How the report reached intake: as JSON, or as a document of one of the formats the importer reads. */
/**
 * How a version came in: a JSON report, a document of one of the importer's formats, or the townships' page (a draft
 * the clerk checked and corrected on the form, with its document's provenance).
 */
public enum SubmissionSource {
    JSON,
    TEXT,
    DOCX,
    DOC,
    PDF,
    HTML,
    WORKSPACE
}

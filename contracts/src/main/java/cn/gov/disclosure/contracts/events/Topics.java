package cn.gov.disclosure.contracts.events;

import java.util.List;

/** The Kafka topics between the services. Every record is keyed by the report id. */
public final class Topics {
    /** intake → validation, review (status), intake: {@link ReportSubmitted}. */
    public static final String REPORT_SUBMITTED = "annual-report.submitted";
    /** intake → validation, review: {@link ReportWithdrawn}. */
    public static final String REPORT_WITHDRAWN = "annual-report.withdrawn";
    /** validation → review, intake: {@link ReportValidated}. */
    public static final String REPORT_VALIDATED = "annual-report.validated";
    /** review → publication, validation (last year's approved report), intake: {@link ReviewDecided}. */
    public static final String REVIEW_DECIDED = "annual-report.review-decided";
    /** publication → intake, review: {@link ReportPublished}. */
    public static final String REPORT_PUBLISHED = "annual-report.published";
    /**
     * intake → validation, review: {@link HistoryImported} (an earlier year's published report loaded by the
     * province).
     */
    public static final String HISTORY_IMPORTED = "annual-report.history-imported";
    /** Suffix of the dead-letter topic of each topic: records a consumer could not read, with the reason in headers. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public static final List<String> ALL = List.of(
            REPORT_SUBMITTED, REPORT_WITHDRAWN, REPORT_VALIDATED, REVIEW_DECIDED, REPORT_PUBLISHED, HISTORY_IMPORTED);

    private Topics() {}

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}

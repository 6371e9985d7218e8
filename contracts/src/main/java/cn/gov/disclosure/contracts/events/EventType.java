package cn.gov.disclosure.contracts.events;

/** The CloudEvents {@code type} of every event, with its topic and payload class. */
public enum EventType {
    REPORT_SUBMITTED("cn.gov.disclosure.report.submitted.v1", Topics.REPORT_SUBMITTED, ReportSubmitted.class),
    REPORT_WITHDRAWN("cn.gov.disclosure.report.withdrawn.v1", Topics.REPORT_WITHDRAWN, ReportWithdrawn.class),
    REPORT_VALIDATED("cn.gov.disclosure.report.validated.v1", Topics.REPORT_VALIDATED, ReportValidated.class),
    REVIEW_DECIDED("cn.gov.disclosure.review.decided.v1", Topics.REVIEW_DECIDED, ReviewDecided.class),
    REPORT_PUBLISHED("cn.gov.disclosure.report.published.v1", Topics.REPORT_PUBLISHED, ReportPublished.class),
    HISTORY_IMPORTED("cn.gov.disclosure.report.history-imported.v1", Topics.HISTORY_IMPORTED, HistoryImported.class);

    private final String type;
    private final String topic;
    private final Class<? extends EventPayload> payload;

    EventType(String type, String topic, Class<? extends EventPayload> payload) {
        this.type = type;
        this.topic = topic;
        this.payload = payload;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payload;
    }

    public static EventType of(String type) {
        for (EventType t : values()) {
            if (t.type.equals(type)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown event type '" + type + "'");
    }

    public static EventType of(Class<? extends EventPayload> payload) {
        for (EventType t : values()) {
            if (t.payload.equals(payload)) {
                return t;
            }
        }
        throw new IllegalArgumentException("No event type for " + payload);
    }
}

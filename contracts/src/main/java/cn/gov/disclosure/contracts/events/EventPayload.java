package cn.gov.disclosure.contracts.events;

/** The data of an event; every payload names the report it is about, which is also the Kafka key and the CE subject. */
public sealed interface EventPayload
        permits ReportSubmitted, ReportWithdrawn, ReportValidated, ReviewDecided, ReportPublished, HistoryImported {
    String reportId();

    int version();
}

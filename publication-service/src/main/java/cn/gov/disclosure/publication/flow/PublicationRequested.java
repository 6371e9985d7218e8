package cn.gov.disclosure.publication.flow;

/** Fired inside the transaction that recorded a PUBLISHING version; observed after it committed. */
public record PublicationRequested(String reportId, int version) {}

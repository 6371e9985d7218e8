package cn.gov.disclosure.publication.flow;

/** Where an approved version stands. */
public enum PublicationStatus {
    /** Approved; the portal call is due or under way. */
    PUBLISHING,
    /** On the portal (public URL) and in the archive (archive id); report published announced. */
    PUBLISHED,
    /** The portal refused it, or stayed unavailable until the retries were exhausted; an operator may retry. */
    PUBLICATION_FAILED
}

package cn.gov.disclosure.publication.portal;

/** The portal could not take the report now (unreachable, 5xx, 408, 429): worth retrying with the same key. */
public class PortalUnavailableException extends RuntimeException {
    public PortalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

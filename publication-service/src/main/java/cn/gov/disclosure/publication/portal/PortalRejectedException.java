package cn.gov.disclosure.publication.portal;

/** The portal refused the request for good (a 4xx other than 408/429): retrying the same request cannot help. */
public class PortalRejectedException extends RuntimeException {
    private final int status;

    public PortalRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

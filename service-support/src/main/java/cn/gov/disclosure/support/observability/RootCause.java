package cn.gov.disclosure.support.observability;

/** The innermost cause of a failure, for log lines and the dead-letter headers operators read. */
public final class RootCause {

    private RootCause() {}

    /** The last throwable of the cause chain ({@code e} itself when it has no cause). */
    public static Throwable of(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** {@code SimpleClassName: message} of the innermost cause (without the colon when it has no message). */
    public static String describe(Throwable e) {
        Throwable t = of(e);
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}

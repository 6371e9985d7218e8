package cn.gov.disclosure.infra;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How many SQL statements an action costs, for the services' statement-count tests: waits until the application has
 * gone quiet (no statement for 300 ms: consumers and relays of earlier tests done), clears the counter, runs the
 * action. The counter is the ORM's (Hibernate's {@code Statistics.getPrepareStatementCount}, passed in, so that this
 * module needs no ORM).
 */
public final class StatementCount {

    /** What the action returned and the statements it prepared. */
    public record Counted<T>(T result, long statements) {}

    private StatementCount() {}

    public static <T> Counted<T> of(LongSupplier prepared, Runnable clear, Supplier<T> action) {
        long before;
        do {
            before = prepared.getAsLong();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (prepared.getAsLong() != before);
        clear.run();
        T result = action.get();
        return new Counted<>(result, prepared.getAsLong());
    }
}

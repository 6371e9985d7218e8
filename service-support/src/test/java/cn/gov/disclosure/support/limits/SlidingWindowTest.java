package cn.gov.disclosure.support.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void theLimitHoldsPerCallerWithinTheWindowAndFreesUpAsItSlides() {
        Moving clock = new Moving();
        SlidingWindow w = new SlidingWindow(3, Duration.ofMinutes(1), clock);
        assertThat(w.tryAcquire("zimao")).isEmpty();
        clock.millis += 10_000;
        assertThat(w.tryAcquire("zimao")).isEmpty();
        assertThat(w.tryAcquire("zimao")).isEmpty();
        assertThat(w.tryAcquire("zimao")).as("the fourth in a minute").contains(Duration.ofSeconds(50));
        assertThat(w.tryAcquire("anhai")).as("another caller has its own").isEmpty();
        clock.millis += 50_000;
        assertThat(w.tryAcquire("zimao")).as("the first has left the window").isEmpty();
        assertThat(w.tryAcquire("zimao")).isPresent();
    }

    @Test
    void idleCallersAreForgotten() {
        Moving clock = new Moving();
        SlidingWindow w = new SlidingWindow(1, Duration.ofMinutes(1), clock);
        w.tryAcquire("zimao");
        clock.millis += 61_000;
        w.forgetIdle();
        assertThat(w.tryAcquire("zimao")).isEmpty();
    }
}

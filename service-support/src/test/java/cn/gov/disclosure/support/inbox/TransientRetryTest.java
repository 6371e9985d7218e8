package cn.gov.disclosure.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.disclosure.contracts.events.EventCodec;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientRetryTest {

    private final List<Long> pauses = new ArrayList<>();
    private final TransientRetry retry = new TransientRetry(Duration.ofMinutes(3), pauses::add);

    @Test
    void aTransientFailureIsTriedAgainWithGrowingPausesUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        retry.run("annual-report.submitted", () -> {
            if (calls.incrementAndGet() < 4) {
                throw new IllegalStateException(
                        "Cannot record processed event", new SQLException("Connection refused"));
            }
        });
        assertThat(calls).hasValue(4);
        assertThat(pauses).containsExactly(500L, 1000L, 2000L);
    }

    @Test
    void aRecordThatCannotBeReadIsGivenUpAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("annual-report.submitted", () -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException(new EventCodec.MalformedEventException("no ce_type", null));
                }))
                .hasCauseInstanceOf(EventCodec.MalformedEventException.class);
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aFailureThatOutlastsTheRetryTimeIsGivenUp() {
        TransientRetry brief = new TransientRetry(Duration.ofMillis(100), pauses::add);
        assertThatThrownBy(() -> brief.run("annual-report.submitted", () -> {
                    throw new IllegalStateException(new SQLException("Connection refused"));
                }))
                .hasRootCauseInstanceOf(SQLException.class);
        assertThat(pauses).isEmpty();
    }

    @Test
    void onlyMalformedRecordsAreNotTransient() {
        assertThat(TransientRetry.isTransient(new IllegalStateException(new SQLException())))
                .isTrue();
        assertThat(TransientRetry.isTransient(new EventCodec.MalformedEventException("x", null)))
                .isFalse();
    }
}

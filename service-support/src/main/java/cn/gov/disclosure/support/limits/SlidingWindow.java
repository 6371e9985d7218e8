package cn.gov.disclosure.support.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * At most {@code limit} acts per key (a caller) in any {@code window}: {@link #tryAcquire} counts an act and says
 * when the next would be allowed if this one is not. Plain Java, kept in memory per process: with n replicas a caller
 * gets at most n × limit (the load balancer spreads a caller's requests), which is what the limit is for — no
 * township floods the pipeline — not an exact quota.
 */
public final class SlidingWindow {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, ArrayDeque<Long>> acts = new ConcurrentHashMap<>();

    public SlidingWindow(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Empty when the act is allowed (and counted); else how long until the next would be. */
    public Optional<Duration> tryAcquire(String key) {
        long now = clock.millis();
        long from = now - window.toMillis();
        AtomicReference<Optional<Duration>> answer = new AtomicReference<>(Optional.empty());
        acts.compute(key, (k, times) -> {
            ArrayDeque<Long> t = times == null ? new ArrayDeque<>() : times;
            while (!t.isEmpty() && t.peekFirst() <= from) {
                t.pollFirst();
            }
            if (t.size() >= limit) {
                answer.set(Optional.of(Duration.ofMillis(t.peekFirst() + window.toMillis() - now)));
            } else {
                t.addLast(now);
            }
            return t;
        });
        return answer.get();
    }

    /** Forgets the keys with no act in the window (called now and then, so that idle callers take no memory). */
    public void forgetIdle() {
        long from = clock.millis() - window.toMillis();
        for (String key : acts.keySet()) {
            acts.computeIfPresent(key, (k, t) -> t.isEmpty() || t.peekLast() <= from ? null : t);
        }
    }
}

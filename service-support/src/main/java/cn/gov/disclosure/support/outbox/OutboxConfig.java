package cn.gov.disclosure.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The settings of the outbox relay and of the event tables' retention ({@code outbox.*}). */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /**
     * How long the relay waits before it looks again when nothing woke it: a committed transaction that wrote an
     * event wakes it at once; this is the fallback (another replica's events, a broker that was away).
     */
    @WithDefault("1s")
    Duration relayInterval();

    /**
     * How long the woken relay waits for more commits before it publishes: under load one batch carries the events
     * of many transactions (one relay transaction, one round of acknowledgements) instead of one each.
     */
    @WithDefault("20ms")
    Duration relayLinger();

    /** How long the relay waits for the broker: metadata, each acknowledgement, the delivery (milliseconds). */
    @WithDefault("10000")
    long sendTimeoutMs();

    /** Events published in one transaction of the relay (and then marked published together). */
    @WithDefault("200")
    int batchSize();

    /**
     * How the relay's producer compresses its record batches ({@code compression.type}: none, gzip, snappy, lz4,
     * zstd). lz4: the report JSON of an event shrinks about fourfold for little CPU (BENCHMARKS.md), on the wire and
     * in the broker's log; the consumers decompress whatever the batch says.
     */
    @WithDefault("lz4")
    String compression();

    /** How often published outbox rows and processed inbox rows past their retention are deleted. */
    @WithDefault("10m")
    String cleanupInterval();

    /** How long a published event stays in the outbox (for an operator who wants to see what went out). */
    @WithDefault("P7D")
    Duration retention();

    /**
     * How long the inbox remembers a handled event. It must outlast the topics' retention (7 days,
     * deploy/topics.md), or a record replayed from the topic (a consumer group reset, the dead-letter replay) would be
     * handled a second time.
     */
    @WithDefault("P30D")
    Duration inboxRetention();
}

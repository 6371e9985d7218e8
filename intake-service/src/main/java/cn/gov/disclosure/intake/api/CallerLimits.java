package cn.gov.disclosure.intake.api;

import cn.gov.disclosure.support.limits.SlidingWindow;
import cn.gov.disclosure.support.limits.TooManyRequests;
import cn.gov.disclosure.support.security.Caller;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * A township cannot flood the pipeline: per caller (the token's subject) at most {@code intake.limits.versions} new
 * versions and {@code intake.limits.imports} document reads (dry runs included: reading a PDF is the costly part) a
 * minute, per replica; beyond, 429 with {@code Retry-After}, in Chinese. Request sizes are bounded apart (5 MiB).
 */
@ApplicationScoped
public class CallerLimits {

    /** {@code intake.limits.*}. */
    @ConfigMapping(prefix = "intake.limits")
    public interface Config {
        /** New versions a caller may submit a minute. */
        @WithDefault("10")
        int versions();

        /** Documents a caller may have read (imported or dry-run) a minute. */
        @WithDefault("30")
        int imports();
    }

    private final Config config;
    private final SlidingWindow versions;
    private final SlidingWindow imports;

    public CallerLimits(Config config) {
        this.config = config;
        this.versions = new SlidingWindow(config.versions(), Duration.ofMinutes(1), Clock.systemUTC());
        this.imports = new SlidingWindow(config.imports(), Duration.ofMinutes(1), Clock.systemUTC());
    }

    /** Counts a new version of the caller's; 429 beyond the limit. */
    public void newVersion(Caller caller) {
        versions.tryAcquire(caller.subject()).ifPresent(wait -> {
            throw new TooManyRequests("提交新版本", "new versions", config.versions(), wait);
        });
    }

    /** Counts a document read for the caller; 429 beyond the limit. */
    public void documentRead(Caller caller) {
        imports.tryAcquire(caller.subject()).ifPresent(wait -> {
            throw new TooManyRequests("导入文档", "document imports", config.imports(), wait);
        });
    }

    @Scheduled(every = "10m", delayed = "10m")
    void forgetIdleCallers() {
        versions.forgetIdle();
        imports.forgetIdle();
    }
}

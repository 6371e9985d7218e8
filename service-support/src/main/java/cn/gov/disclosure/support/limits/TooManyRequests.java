package cn.gov.disclosure.support.limits;

import cn.gov.disclosure.support.problem.ProblemException;
import java.time.Duration;

/** 429: the caller did too much in a minute; {@code Retry-After} says when to try again (ProblemMappers). */
public class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequests(String whatZh, String whatEn, int limit, Duration retryAfter) {
        super(
                429,
                "too-many-requests",
                "操作过于频繁，请稍后再试",
                "Too many requests",
                "每分钟最多" + whatZh + " " + limit + " 次，请在 " + seconds(retryAfter) + " 秒后再试",
                "at most " + limit + " " + whatEn + " a minute; try again in " + seconds(retryAfter) + " s");
        this.retryAfterSeconds = seconds(retryAfter);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}

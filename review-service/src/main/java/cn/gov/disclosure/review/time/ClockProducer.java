package cn.gov.disclosure.review.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The service's clock: every time this service records (audit, claims, decisions, approvals) and "now" of the
 * deadlines view come from it. The system UTC clock by default; a test replaces it with a bean of type {@link Clock}
 * of its own (this one is a {@link DefaultBean}) to set "now".
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

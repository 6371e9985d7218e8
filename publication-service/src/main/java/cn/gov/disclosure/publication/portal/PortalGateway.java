package cn.gov.disclosure.publication.portal;

import cn.gov.disclosure.support.observability.EventMetrics;
import cn.gov.disclosure.support.observability.RootCause;
import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Calls the portal and survives it: each call is cut off after a timeout; unavailable answers, timeouts and an open
 * circuit are retried with exponential backoff (every attempt carries the same idempotency key, so the portal
 * publishes once); a circuit breaker stops hammering a portal that keeps failing. A refusal (4xx) is final at once.
 * Every value is configurable: {@code quarkus.fault-tolerance."cn.gov.disclosure.publication.portal.PortalGateway/publish".*}.
 */
@Startup
@ApplicationScoped
public class PortalGateway {

    private static final Logger LOG = Logger.getLogger(PortalGateway.class);

    private final PortalApi api;
    private final Counter published;
    private final Counter refused;
    private final Counter unavailable;

    /** Made at start ({@link Startup}) so that the portal's three outcomes are exported, at 0, before its first call. */
    public PortalGateway(@RestClient PortalApi api) {
        this.api = api;
        this.published = EventMetrics.counter(EventMetrics.PORTAL_CALLS, "outcome", "published");
        this.refused = EventMetrics.counter(EventMetrics.PORTAL_CALLS, "outcome", "refused");
        this.unavailable = EventMetrics.counter(EventMetrics.PORTAL_CALLS, "outcome", "unavailable");
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 6,
            delay = 2,
            delayUnit = ChronoUnit.SECONDS,
            jitter = 500,
            maxDuration = 10,
            durationUnit = ChronoUnit.MINUTES,
            retryOn = {PortalUnavailableException.class, TimeoutException.class, CircuitBreakerOpenException.class},
            abortOn = PortalRejectedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 2, maxDelayUnit = ChronoUnit.MINUTES)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 60,
            delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1,
            skipOn = PortalRejectedException.class)
    public PortalReceipt publish(PortalPublishRequest request) {
        String key = request.idempotencyKey();
        Response response;
        try {
            response = api.publish(request.organisationCode(), request.year(), key, request);
        } catch (WebApplicationException e) {
            response = e.getResponse();
        } catch (ProcessingException e) {
            unavailable.increment();
            throw new PortalUnavailableException("portal unreachable: " + RootCause.describe(e), e);
        }
        try (Response r = response) {
            int status = r.getStatus();
            if (status == 200 || status == 201) {
                PortalReceipt receipt = r.readEntity(PortalReceipt.class);
                if (receipt == null || receipt.publicUrl() == null) {
                    unavailable.increment();
                    throw new PortalUnavailableException("portal answered " + status + " without a publicUrl", null);
                }
                LOG.infof(
                        "Portal took %s: %d %s%s",
                        key,
                        status,
                        receipt.publicUrl(),
                        "true".equals(r.getHeaderString("Idempotent-Replayed")) ? " (replayed)" : "");
                published.increment();
                return receipt;
            }
            String body = body(r);
            if (status >= 500 || status == 408 || status == 429) {
                LOG.warnf("Portal unavailable for %s: %d %s", key, status, body);
                unavailable.increment();
                throw new PortalUnavailableException("portal answered " + status + ": " + body, null);
            }
            refused.increment();
            throw new PortalRejectedException(status, "portal refused " + key + " with " + status + ": " + body);
        }
    }

    private static String body(Response r) {
        try {
            String s = r.hasEntity() ? r.readEntity(String.class) : "";
            return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
        } catch (RuntimeException e) {
            return "";
        }
    }
}

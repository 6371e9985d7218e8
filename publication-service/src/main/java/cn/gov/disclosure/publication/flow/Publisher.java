package cn.gov.disclosure.publication.flow;

import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.publication.archive.ArchiveService;
import cn.gov.disclosure.publication.portal.PortalGateway;
import cn.gov.disclosure.publication.portal.PortalPublishRequest;
import cn.gov.disclosure.publication.portal.PortalReceipt;
import cn.gov.disclosure.publication.portal.PortalRejectedException;
import cn.gov.disclosure.publication.render.ReportRenderer;
import cn.gov.disclosure.publication.store.Publications;
import cn.gov.disclosure.support.observability.EventMetrics;
import cn.gov.disclosure.support.observability.TraceParents;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One attempt at publishing an approved version: claim it (a short transaction of its own), render, call the portal
 * with the version's idempotency key (no transaction open: a slow portal holds no database resources), archive, then
 * record PUBLISHED and report published in one transaction — or PUBLICATION_FAILED with the reason.
 */
@ApplicationScoped
public class Publisher {

    private static final Logger LOG = Logger.getLogger(Publisher.class);

    public enum Outcome {
        PUBLISHED,
        FAILED,
        NOT_CLAIMED,
        CLAIM_LOST
    }

    /** Renews the leases of the attempts in progress (a daemon thread: it does nothing but a short UPDATE). */
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "publication-lease");
        t.setDaemon(true);
        return t;
    });

    private final Publications store;
    private final RenderService renderer;
    private final PortalGateway portal;
    private final ArchiveService archive;
    private final PublicationOutcomes outcomes;
    private final Duration lease;

    public Publisher(
            Publications store,
            RenderService renderer,
            PortalGateway portal,
            ArchiveService archive,
            PublicationOutcomes outcomes,
            @ConfigProperty(name = "publication.lease", defaultValue = "PT1M") Duration lease) {
        this.store = store;
        this.renderer = renderer;
        this.portal = portal;
        this.archive = archive;
        this.outcomes = outcomes;
        this.lease = lease;
    }

    public Outcome publish(String reportId, int version) {
        // a worker thread of our own: continue the trace of the submission, which the approval carried here
        try (Scope trace = TraceParents.continueTrace(store.originTrace(reportId, version))) {
            MDC.put(EventMetrics.MDC_REPORT_ID, reportId);
            return attempt(reportId, version);
        } finally {
            MDC.remove(EventMetrics.MDC_REPORT_ID);
        }
    }

    private Outcome attempt(String reportId, int version) {
        Optional<Publications.Claim> claimed = store.claim(reportId, version, lease);
        if (claimed.isEmpty()) {
            return Outcome.NOT_CLAIMED; // published, failed, or another worker is on it
        }
        Publications.Claim claim = claimed.get();
        // the lease is renewed while this attempt runs (rendering, the portal's retries), so it can be short: a worker
        // killed mid-attempt holds its version for one lease at most, then the recovery job takes it up again
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewing =
                RENEWALS.scheduleAtFixedRate(() -> renew(claim), every, every, TimeUnit.MILLISECONDS);
        try {
            return attempt(claim);
        } finally {
            renewing.cancel(false);
        }
    }

    private void renew(Publications.Claim claim) {
        try {
            store.renew(claim, lease);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "%s v%d: the lease could not be renewed (%s)",
                    claim.record().reportId(), claim.record().version(), e.getMessage());
        }
    }

    private Outcome attempt(Publications.Claim claim) {
        String reportId = claim.record().reportId();
        int version = claim.record().version();
        ReviewDecided d = claim.decision();
        String stage = "render";
        try {
            ReportRenderer.Rendered rendered = renderer.render(d);
            PortalPublishRequest request = new PortalPublishRequest(
                    d.version(),
                    d.organisationCode(),
                    rendered.view().organisationName(),
                    d.year(),
                    rendered.view().title(),
                    d.decidedAt(),
                    rendered.html(),
                    Base64.getEncoder().encodeToString(rendered.pdf()),
                    d.report());
            stage = "portal";
            PortalReceipt receipt = portal.publish(request);
            stage = "archive";
            String archiveId = archive.archive(d, rendered, receipt.publicUrl());
            stage = "record";
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (!outcomes.published(claim, receipt.publicUrl(), receipt.versionUrl(), archiveId, now)) {
                LOG.warnf(
                        "%s v%d: the claim ran out before the outcome was recorded; the next holder records it",
                        reportId, version);
                return Outcome.CLAIM_LOST;
            }
            LOG.infof(
                    "%s v%d published at %s, archived as %s (attempt %d)",
                    reportId,
                    version,
                    receipt.publicUrl(),
                    archiveId,
                    claim.record().attempts());
            return Outcome.PUBLISHED;
        } catch (PortalRejectedException e) {
            return fail(claim, "门户拒绝发布 / the portal refused the report (" + e.status() + "): " + e.getMessage());
        } catch (TimeoutException | CircuitBreakerOpenException e) {
            return fail(
                    claim,
                    "门户不可用，重试已用尽 / portal unavailable, retries exhausted: "
                            + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (RuntimeException e) {
            String why = switch (stage) {
                case "portal" -> "门户不可用，重试已用尽 / portal unavailable, retries exhausted: ";
                case "archive" -> "归档失败 / archiving failed: ";
                case "render" -> "生成页面或 PDF 失败 / rendering failed: ";
                default -> "记录结果失败 / recording the outcome failed: ";
            };
            LOG.errorf(e, "%s v%d: %s failed", reportId, version, stage);
            return fail(claim, why + e.getMessage());
        }
    }

    private Outcome fail(Publications.Claim claim, String reason) {
        PublicationRecord r = claim.record();
        if (store.markFailed(claim, reason)) {
            LOG.warnf("%s v%d: PUBLICATION_FAILED: %s", r.reportId(), r.version(), reason);
            return Outcome.FAILED;
        }
        return Outcome.CLAIM_LOST;
    }
}

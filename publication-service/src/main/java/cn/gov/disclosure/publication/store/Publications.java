package cn.gov.disclosure.publication.store;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.publication.flow.PublicationRecord;
import cn.gov.disclosure.publication.flow.PublicationStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The publications. The claim and the failure record run in transactions of their own (the portal call between them
 * runs in none); recording the success joins the caller's ({@code PublicationOutcomes}), with its outbox event. The
 * reads run in a transaction of their own when the caller has none (the workers and the recovery job have no request).
 */
@ApplicationScoped
public class Publications implements PanacheRepositoryBase<Publication, Publication.Key> {

    /** A version and its decision, claimed by one worker until its lease ends. */
    public record Claim(UUID token, PublicationRecord record, ReviewDecided decision) {}

    /**
     * Records an approved version as PUBLISHING, keeping the trace the decision came with; false when this version
     * is known already (nothing changes).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertPublishing(ReviewDecided d, String decisionJson, String eventId, String traceparent) {
        if (findByIdOptional(new Publication.Key(d.reportId(), d.version())).isPresent()) {
            return false;
        }
        OffsetDateTime now = now();
        Publication p = new Publication();
        p.reportId = d.reportId();
        p.version = d.version();
        p.organisationCode = d.organisationCode();
        p.organisationName = d.organisationName() != null
                ? d.organisationName()
                : d.report() != null ? d.report().organisationName() : d.organisationCode();
        p.countyCode = d.countyCode();
        p.year = d.year();
        p.status = PublicationStatus.PUBLISHING;
        p.decision = decisionJson;
        p.decisionEventId = eventId;
        p.approvedAt = d.decidedAt() != null ? d.decidedAt() : now;
        p.approvedBy = d.decidedBy();
        p.originTraceparent = traceparent;
        p.createdAt = now;
        p.updatedAt = now;
        persist(p);
        return true;
    }

    /** The trace the approval of a version came with; null when none. */
    @Transactional
    public String originTrace(String reportId, int version) {
        return findByIdOptional(new Publication.Key(reportId, version))
                .map(p -> p.originTraceparent)
                .orElse(null);
    }

    /**
     * Takes a PUBLISHING version for one attempt, only if no other worker holds an unexpired lease on it (the row
     * locked while it is decided). Commits on its own, so that the portal call runs outside any transaction.
     */
    public Optional<Claim> claim(String reportId, int version, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Publication p = findById(new Publication.Key(reportId, version), LockModeType.PESSIMISTIC_WRITE);
            OffsetDateTime now = now();
            if (p == null || p.status != PublicationStatus.PUBLISHING || !p.free(now)) {
                return Optional.<Claim>empty();
            }
            p.leaseToken = UUID.randomUUID();
            p.leaseUntil = now.plus(lease);
            p.attempts++;
            p.updatedAt = now;
            return Optional.of(new Claim(p.leaseToken, p.record(), decision(p.decision)));
        });
    }

    /**
     * Extends the claim's lease while its worker is still on it (false when the claim no longer holds); commits on
     * its own. A worker killed mid-attempt stops renewing, and its version is due again once the lease ran out.
     */
    public boolean renew(Claim claim, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Publication p = held(claim);
            if (p == null) {
                return false;
            }
            p.leaseUntil = now().plus(lease);
            return true;
        });
    }

    /** PUBLISHING → PUBLISHED, if the claim still holds; joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markPublished(
            Claim claim, String publicUrl, String versionUrl, String archiveId, OffsetDateTime at) {
        Publication p = held(claim);
        if (p == null) {
            return false;
        }
        p.status = PublicationStatus.PUBLISHED;
        p.publicUrl = publicUrl;
        p.versionUrl = versionUrl;
        p.archiveId = archiveId;
        p.publishedAt = at;
        p.failureReason = null;
        release(p);
        return true;
    }

    /** PUBLISHING → PUBLICATION_FAILED with the reason, if the claim still holds; commits on its own. */
    public boolean markFailed(Claim claim, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Publication p = held(claim);
            if (p == null) {
                return false;
            }
            p.status = PublicationStatus.PUBLICATION_FAILED;
            p.failureReason = reason.length() > 2000 ? reason.substring(0, 2000) + "…" : reason;
            release(p);
            return true;
        });
    }

    public enum Requeue {
        REQUEUED,
        NOT_FOUND,
        NOT_FAILED
    }

    /** PUBLICATION_FAILED → PUBLISHING (the operator's retry). */
    @Transactional
    public Requeue requeue(String reportId, int version) {
        Publication p = findById(new Publication.Key(reportId, version), LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            return Requeue.NOT_FOUND;
        }
        if (p.status != PublicationStatus.PUBLICATION_FAILED) {
            return Requeue.NOT_FAILED;
        }
        p.status = PublicationStatus.PUBLISHING;
        release(p);
        return Requeue.REQUEUED;
    }

    /** PUBLISHING versions no worker holds (never claimed, or the worker's lease ran out: it crashed), oldest first. */
    @Transactional
    public List<Publication.Key> due(int limit) {
        return find(
                        "status = :publishing and (leaseUntil is null or leaseUntil < :now)",
                        Sort.by("createdAt"),
                        Parameters.with("publishing", PublicationStatus.PUBLISHING)
                                .and("now", now()))
                .page(0, limit)
                .stream()
                .map(p -> new Publication.Key(p.reportId, p.version))
                .toList();
    }

    @Transactional
    public Optional<PublicationRecord> find(String reportId, int version) {
        return findByIdOptional(new Publication.Key(reportId, version)).map(Publication::record);
    }

    /** Newest first; every filter optional. */
    @Transactional
    public List<PublicationRecord> list(
            PublicationStatus status, String organisationCode, Integer year, String reportId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (organisationCode != null && !organisationCode.isBlank()) {
            where.add("organisationCode = :organisation");
            params.and("organisation", organisationCode);
        }
        if (year != null) {
            where.add("year = :year");
            params.and("year", year);
        }
        if (reportId != null && !reportId.isBlank()) {
            where.add("reportId = :reportId");
            params.and("reportId", reportId);
        }
        Sort sort = Sort.descending("updatedAt").and("reportId").and("version", Sort.Direction.Descending);
        return (where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params))
                .page(0, limit).stream().map(Publication::record).toList();
    }

    private Publication held(Claim claim) {
        Publication p = findById(
                new Publication.Key(claim.record().reportId(), claim.record().version()),
                LockModeType.PESSIMISTIC_WRITE);
        return p != null
                        && p.status == PublicationStatus.PUBLISHING
                        && claim.token().equals(p.leaseToken)
                ? p
                : null;
    }

    private static void release(Publication p) {
        p.leaseToken = null;
        p.leaseUntil = null;
        p.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static ReviewDecided decision(String json) {
        try {
            return ContractsJson.mapper().readValue(json, ReviewDecided.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable decision of a publication", e);
        }
    }
}

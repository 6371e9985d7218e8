package cn.gov.disclosure.publication.flow;

import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.events.EventCodec;
import cn.gov.disclosure.contracts.events.EventEnvelope;
import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.ReviewDecided;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.infra.kafka.KafkaProbe;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Review decisions as the review service sends them, for the tests. */
final class Decisions {

    static final OffsetDateTime DECIDED = OffsetDateTime.parse("2021-01-25T09:30:00+08:00");

    private Decisions() {}

    static ReviewDecided approved(String org, String county, int seed, int version) {
        return decided(org, county, GoldenSeeds.load(seed), version, ReviewDecided.Decision.APPROVED);
    }

    static ReviewDecided decided(
            String org, String county, AnnualReport report, int version, ReviewDecided.Decision decision) {
        String reportId = org + "-" + report.year();
        List<ReviewDecided.AuditEntry> audit = List.of(
                new ReviewDecided.AuditEntry(DECIDED.minusDays(3), "staff-" + org, "乡镇填报员", null, "SUBMITTED", null),
                new ReviewDecided.AuditEntry(
                        DECIDED.minusDays(2), "validation", "校验服务", "SUBMITTED", "IN_REVIEW", null),
                new ReviewDecided.AuditEntry(
                        DECIDED,
                        "reviewer-" + county,
                        "县级审核员",
                        "IN_REVIEW",
                        decision == ReviewDecided.Decision.APPROVED ? "APPROVED" : "RETURNED",
                        "同意公开"));
        List<ReviewDecided.Acknowledgement> acks = List.of(new ReviewDecided.Acknowledgement(
                "RULES-AT-TOWNSHIP", "rules", "issued", "reviewer-" + county, DECIDED.minusHours(1), "已核实"));
        return new ReviewDecided(
                reportId,
                version,
                org,
                report.organisationName(),
                county,
                report.year(),
                decision,
                decision == ReviewDecided.Decision.APPROVED ? null : "请补充第六部分",
                "reviewer-" + county,
                DECIDED,
                report,
                findings(),
                acks,
                audit);
    }

    static List<Finding> findings() {
        return List.of(new Finding(
                "RULES-AT-TOWNSHIP",
                Severity.WARNING,
                Location.cell(SectionKey.ACTIVE_DISCLOSURE, 2, "rules", "issued"),
                null,
                null,
                "乡镇一级报告了规章",
                "a township reports rules"));
    }

    static AnnualReport withOverview(AnnualReport r, String text) {
        List<Section> sections = new ArrayList<>();
        for (Section s : r.sections()) {
            sections.add(s.key() == SectionKey.OVERVIEW ? new Section(s.key(), s.heading(), text) : s);
        }
        return new AnnualReport(
                r.organisationName(),
                r.year(),
                r.template(),
                r.title(),
                sections,
                r.activeDisclosure(),
                r.applications(),
                r.reviewsAndLitigation());
    }

    static EventEnvelope<ReviewDecided> envelope(ReviewDecided d) {
        return EventEnvelope.of("/annual-report/review-service", d);
    }

    static void send(EventEnvelope<?> e) {
        KafkaProbe.send(e.topic(), e.key(), e.headers(), EventCodec.payloadJson(e.data()));
    }

    static EventEnvelope<ReviewDecided> send(ReviewDecided d) {
        EventEnvelope<ReviewDecided> e = envelope(d);
        send(e);
        return e;
    }
}

package cn.gov.disclosure.review.store;

import cn.gov.disclosure.contracts.events.ReviewDecided;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One transition of a case, append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Entity
@Table(name = "case_audit")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "from_state")
    public String fromState;

    @Column(name = "to_state", nullable = false)
    public String toState;

    public String comment;

    ReviewDecided.AuditEntry entry() {
        return new ReviewDecided.AuditEntry(at, actor, actorName, fromState, toState, comment);
    }
}

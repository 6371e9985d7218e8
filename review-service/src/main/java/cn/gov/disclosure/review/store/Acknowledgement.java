package cn.gov.disclosure.review.store;

import cn.gov.disclosure.contracts.events.ReviewDecided;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A warning a reviewer acknowledged when approving (one per warning key: code + row + column). */
@Entity
@Table(name = "case_acknowledgement")
@IdClass(Acknowledgement.Key.class)
public class Acknowledgement {

    public record Key(String caseId, int seq) {}

    @Id
    @Column(name = "case_id")
    public String caseId;

    @Id
    public int seq;

    @Column(name = "finding_code", nullable = false)
    public String findingCode;

    @Column(name = "row_key")
    public String rowKey;

    @Column(name = "column_key")
    public String columnKey;

    public String note;

    @Column(name = "acknowledged_by", nullable = false)
    public String acknowledgedBy;

    @Column(name = "acknowledged_by_name")
    public String acknowledgedByName;

    @Column(name = "acknowledged_at", nullable = false)
    public OffsetDateTime acknowledgedAt;

    ReviewDecided.Acknowledgement acknowledgement() {
        return new ReviewDecided.Acknowledgement(findingCode, rowKey, columnKey, acknowledgedBy, acknowledgedAt, note);
    }
}

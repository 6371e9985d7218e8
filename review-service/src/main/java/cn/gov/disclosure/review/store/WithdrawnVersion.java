package cn.gov.disclosure.review.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A version the township withdrew, kept even before its case exists (validation may still be at work on it). */
@Entity
@Table(name = "withdrawn_version")
@IdClass(WithdrawnVersion.Key.class)
public class WithdrawnVersion {

    public record Key(String reportId, int version) {}

    @Id
    @Column(name = "report_id")
    public String reportId;

    @Id
    public int version;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at", nullable = false)
    public OffsetDateTime withdrawnAt;
}

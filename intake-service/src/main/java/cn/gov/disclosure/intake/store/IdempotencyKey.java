package cn.gov.disclosure.intake.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A retried POST with the same Idempotency-Key gets the first answer; the fingerprint says what it was for. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey {

    public record Key(String subject, String key) {}

    @Id
    public String subject;

    @Id
    public String key;

    @Column(name = "report_id", nullable = false)
    public String reportId;

    @Column(nullable = false)
    public int version;

    /** SHA-256 of the report as read; null for keys stored before it was kept. */
    public String fingerprint;
}

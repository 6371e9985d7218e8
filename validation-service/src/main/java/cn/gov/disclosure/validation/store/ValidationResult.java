package cn.gov.disclosure.validation.store;

import cn.gov.disclosure.contracts.events.Finding;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** The result of validating one version: one per version, whatever happens to the events. */
@Entity
@Table(name = "validation_result")
@IdClass(ValidationResult.Key.class)
public class ValidationResult {

    public record Key(String reportId, int version) {}

    @Id
    @Column(name = "report_id")
    public String reportId;

    @Id
    public int version;

    @Column(name = "organisation_code", nullable = false)
    public String organisationCode;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public boolean passed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<Finding> findings;

    @Column(name = "validated_at", nullable = false)
    public OffsetDateTime validatedAt;
}

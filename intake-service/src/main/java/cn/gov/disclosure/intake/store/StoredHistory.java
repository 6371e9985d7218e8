package cn.gov.disclosure.intake.store;

import cn.gov.disclosure.contracts.model.AnnualReport;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** An earlier year's document loaded as history (V5), its outcome, and what was read from it. */
@Entity
@Table(name = "history_import")
public class StoredHistory {

    public enum Status {
        IMPORTED,
        NEEDS_ATTENTION,
        REPLACED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organisation_code", nullable = false)
    public String organisationCode;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "source_name")
    public String sourceName;

    @Column(name = "source_sha256", nullable = false)
    public String sourceSha256;

    /** The document as it came (read only when asked for). */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] document;

    public String format;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public AnnualReport report;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "import_notes", nullable = false)
    public List<String> importNotes;

    public String problem;

    @Column(name = "imported_by", nullable = false)
    public String importedBy;

    @Column(name = "imported_at", nullable = false)
    public OffsetDateTime importedAt;
}

package cn.gov.disclosure.intake.store;

import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.intake.submission.Draft;
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

/** A township's draft of a year's report: one per organisation and year, replaced on every save. */
@Entity
@Table(name = "draft")
@IdClass(StoredDraft.Key.class)
public class StoredDraft {

    public record Key(String organisationCode, int year) {}

    @Id
    @Column(name = "organisation_code")
    public String organisationCode;

    @Id
    public int year;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public AnnualReport report;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "import_notes", nullable = false)
    public List<String> importNotes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<CellSource> provenance;

    @Column(name = "saved_at", nullable = false)
    public OffsetDateTime savedAt;

    @Column(name = "saved_by", nullable = false)
    public String savedBy;

    Draft draft() {
        return new Draft(organisationCode, year, report, importNotes, provenance, savedAt, savedBy);
    }
}

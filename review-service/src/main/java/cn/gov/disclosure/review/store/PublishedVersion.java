package cn.gov.disclosure.review.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A version the publication service announced published (report published). */
@Entity
@Table(name = "publication")
@IdClass(PublishedVersion.Key.class)
public class PublishedVersion {

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

    @Column(name = "public_url")
    public String publicUrl;

    @Column(name = "archive_id")
    public String archiveId;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;
}

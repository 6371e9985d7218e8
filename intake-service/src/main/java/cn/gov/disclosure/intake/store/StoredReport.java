package cn.gov.disclosure.intake.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One report (organisation + reporting year): its row is the lock that serialises new versions. */
@Entity
@Table(name = "report")
public class StoredReport {

    @Id
    @Column(name = "report_id")
    public String reportId;

    @Column(name = "organisation_code", nullable = false)
    public String organisationCode;

    @Column(nullable = false)
    public int year;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;
}

package cn.gov.disclosure.publication.portal;

import cn.gov.disclosure.contracts.model.AnnualReport;
import java.time.OffsetDateTime;

/** The body of publishReport (portal-api.yaml: PublishRequest); {@code pdf} is base64. */
public record PortalPublishRequest(
        int version,
        String organisationCode,
        String organisationName,
        int year,
        String title,
        OffsetDateTime approvedAt,
        String html,
        String pdf,
        AnnualReport data) {

    /** {@code <organisationCode>/<year>/<version>}: the same for every attempt at this version. */
    public static String idempotencyKey(String organisationCode, int year, int version) {
        return organisationCode + "/" + year + "/" + version;
    }

    public String idempotencyKey() {
        return idempotencyKey(organisationCode, year, version);
    }
}

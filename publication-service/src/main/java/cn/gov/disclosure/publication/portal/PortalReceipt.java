package cn.gov.disclosure.publication.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The portal's answer (portal-api.yaml: PublishAnswer); unknown fields are ignored (another organisation's API). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortalReceipt(
        String publicUrl, String versionUrl, Integer version, Boolean current, String publishedAt) {}

package cn.gov.disclosure.validation.flow;

import cn.gov.disclosure.contracts.registry.OrganisationRegistry;
import cn.gov.disclosure.validation.rules.OrganisationLevel;
import cn.gov.disclosure.validation.rules.ValidationContext;
import cn.gov.disclosure.validation.store.ApprovedReports;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Builds what the rules need to know about a submission from the registry and last year's approved report. */
@ApplicationScoped
public class Contexts {

    private final OrganisationRegistry registry;
    private final ApprovedReports approved;

    public Contexts(OrganisationRegistry registry, ApprovedReports approved) {
        this.registry = registry;
        this.approved = approved;
    }

    public ValidationContext forSubmission(String organisationCode, String organisationName, int year) {
        OrganisationLevel level =
                registry.find(organisationCode).map(o -> level(o.level())).orElse(OrganisationLevel.TOWNSHIP);
        String expectedName = organisationName != null
                ? organisationName
                : registry.find(organisationCode)
                        .map(OrganisationRegistry.Organisation::officialName)
                        .orElse(null);
        return new ValidationContext(
                expectedName,
                year,
                level,
                organisationCode == null ? Optional.empty() : approved.report(organisationCode, year - 1));
    }

    static OrganisationLevel level(OrganisationRegistry.Level level) {
        return switch (level) {
            case PROVINCE -> OrganisationLevel.PROVINCE;
            case CITY -> OrganisationLevel.CITY;
            case COUNTY -> OrganisationLevel.COUNTY;
            case TOWNSHIP -> OrganisationLevel.TOWNSHIP;
        };
    }
}

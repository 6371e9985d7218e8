package cn.gov.disclosure.review.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case is identified by its report version: {@code <reportId>-v<version>}, e.g. {@code 350582107-2021-v2}
 * (report ids are {@code <organisationCode>-<year>}). Readable, stable, safe in a URL path, and the same in every
 * environment, so a reviewer can quote it to a township.
 */
public final class CaseIds {

    private static final Pattern FORMAT = Pattern.compile("^(.+)-v([1-9][0-9]{0,8})$");

    private CaseIds() {}

    public static String of(String reportId, int version) {
        return reportId + "-v" + version;
    }

    /** The report id and version of a case id; empty when it is not one. */
    public static Optional<Parsed> parse(String caseId) {
        if (caseId == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(caseId);
        return m.matches() ? Optional.of(new Parsed(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    public record Parsed(String reportId, int version) {}
}

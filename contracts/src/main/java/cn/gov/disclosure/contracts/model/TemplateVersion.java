package cn.gov.disclosure.contracts.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The national layout a report follows: 国办公开办函〔2019〕60号 for reporting years 2019 and 2020,
 * 国办公开办函〔2021〕30号 for 2021 onwards.
 */
public enum TemplateVersion {
    T2019("2019", "国办公开办函〔2019〕60号"),
    T2021("2021", "国办公开办函〔2021〕30号");

    /** The first reporting year the annual report exists for under the 2019 regulations. */
    public static final int FIRST_REPORTING_YEAR = 2019;

    private final String code;
    private final String notice;

    TemplateVersion(String code, String notice) {
        this.code = code;
        this.notice = notice;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String notice() {
        return notice;
    }

    /** The template a report for {@code reportingYear} must follow. */
    public static TemplateVersion requiredFor(int reportingYear) {
        if (reportingYear < FIRST_REPORTING_YEAR) {
            throw new IllegalArgumentException(
                    "No annual report template before " + FIRST_REPORTING_YEAR + ": " + reportingYear);
        }
        return reportingYear <= 2020 ? T2019 : T2021;
    }

    @JsonCreator
    public static TemplateVersion fromCode(String code) {
        for (TemplateVersion t : values()) {
            if (t.code.equals(code) || t.name().equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown template '" + code + "' (known: 2019, 2021)");
    }
}

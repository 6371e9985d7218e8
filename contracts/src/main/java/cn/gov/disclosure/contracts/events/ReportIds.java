package cn.gov.disclosure.contracts.events;

/** A report is identified by its organisation and reporting year: {@code <organisationCode>-<year>}. */
public final class ReportIds {
    private ReportIds() {}

    public static String of(String organisationCode, int year) {
        return organisationCode + "-" + year;
    }
}

package cn.gov.disclosure.contracts.catalogue;

import cn.gov.disclosure.contracts.model.SectionKey;

/** The three tables of the report; numbered as DOMAIN.md and the template number them. */
public enum TableId {
    ACTIVE_DISCLOSURE(2, SectionKey.ACTIVE_DISCLOSURE),
    APPLICATIONS(3, SectionKey.APPLICATIONS),
    REVIEWS_AND_LITIGATION(4, SectionKey.REVIEWS_AND_LITIGATION);

    private final int number;
    private final SectionKey section;

    TableId(int number, SectionKey section) {
        this.number = number;
        this.section = section;
    }

    public int number() {
        return number;
    }

    public SectionKey section() {
        return section;
    }

    /** The JSON property of the table in {@link cn.gov.disclosure.contracts.model.AnnualReport}. */
    public String key() {
        return section.key();
    }
}

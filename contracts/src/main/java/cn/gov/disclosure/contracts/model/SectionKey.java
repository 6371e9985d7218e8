package cn.gov.disclosure.contracts.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The six sections of the report, in their required order. Labels live in the catalogue. */
public enum SectionKey {
    OVERVIEW("overview", "一"),
    ACTIVE_DISCLOSURE("activeDisclosure", "二"),
    APPLICATIONS("applications", "三"),
    REVIEWS_AND_LITIGATION("reviewsAndLitigation", "四"),
    PROBLEMS_AND_IMPROVEMENTS("problemsAndImprovements", "五"),
    OTHER_MATTERS("otherMatters", "六");

    private final String key;
    private final String numeral;

    SectionKey(String key, String numeral) {
        this.key = key;
        this.numeral = numeral;
    }

    @JsonValue
    public String key() {
        return key;
    }

    /** The Chinese numeral the heading starts with: 一 … 六. */
    public String numeral() {
        return numeral;
    }

    /** 1 … 6. */
    public int number() {
        return ordinal() + 1;
    }

    @JsonCreator
    public static SectionKey fromKey(String key) {
        for (SectionKey s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown section '" + key + "'");
    }

    public static SectionKey fromNumeral(String numeral) {
        for (SectionKey s : values()) {
            if (s.numeral.equals(numeral)) {
                return s;
            }
        }
        return null;
    }
}

package cn.gov.disclosure.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** ERROR blocks the report; WARNING does not but a reviewer must acknowledge it; INFO is a note. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Severity of(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}

package cn.gov.disclosure.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** ERROR blocks the report; WARNING does not but a reviewer must acknowledge it; INFO is a note. */
public enum Severity {
    ERROR, WARNING, INFO;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Severity of(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}

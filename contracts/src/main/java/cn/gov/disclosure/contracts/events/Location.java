package cn.gov.disclosure.contracts.events;

import cn.gov.disclosure.contracts.model.SectionKey;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a finding points: a section, and within it a table cell (table number, row key, column key) or a sentence
 * of the narrative. Absent parts are {@code null}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Location(SectionKey section, Integer table, String row, String column, String sentence) {

    public static Location section(SectionKey section) {
        return new Location(section, null, null, null, null);
    }

    public static Location cell(SectionKey section, int table, String row, String column) {
        return new Location(section, table, row, column, null);
    }

    public static Location sentence(SectionKey section, String sentence) {
        return new Location(section, null, null, null, sentence);
    }

    public static Location report() {
        return new Location(null, null, null, null, null);
    }
}

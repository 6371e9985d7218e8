package cn.gov.disclosure.contracts.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One section as it stands in the document: which of the six it is, its heading as written (real reports vary
 * the wording), and its narrative text (for the table sections, the text around the table, often empty).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Section(SectionKey key, String heading, String text) {
    public Section {
        if (key == null) {
            throw new IllegalArgumentException("section key is required");
        }
        text = text == null ? "" : text;
    }
}

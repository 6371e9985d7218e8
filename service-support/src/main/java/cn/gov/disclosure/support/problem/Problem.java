package cn.gov.disclosure.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}): the standard members, in Chinese (the users'
 * language), with the English text beside them for operators, and the individual errors pointing at the field
 * (a JSON pointer) or the line of an imported document.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String titleEn,
        String detailEn,
        List<Error> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://annual-report.gov.cn/problems/";

    /** One thing wrong with the request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(
            String pointer, Integer line, String row, List<String> cells, String message, String messageEn) {
        public static Error at(String pointer, String message, String messageEn) {
            return new Error(pointer, null, null, null, message, messageEn);
        }
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, titleEn, detailEn, errors);
    }
}

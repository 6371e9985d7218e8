package cn.gov.disclosure.review.api;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import cn.gov.disclosure.review.cases.ETag;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Conditional GETs and strict query parameters. */
final class Http {

    private Http() {}

    /** 200 with the entity and its ETag, or 304 when {@code If-None-Match} names the ETag. Private, revalidated. */
    static Response cacheable(Object entity, String etag, String ifNoneMatch) {
        Response.ResponseBuilder b =
                ETag.noneMatchHits(ifNoneMatch, etag) ? Response.notModified() : Response.ok(entity);
        return b.header("ETag", etag)
                .header("Cache-Control", "private, no-cache")
                .header("Vary", "Authorization")
                .build();
    }

    /**
     * A workbook as a download: {@code asciiName} for old clients, the Chinese {@code name} (RFC 5987) for the
     * others.
     */
    static Response workbook(byte[] xlsx, String asciiName, String name) {
        return download(xlsx, CompletenessWorkbook.MEDIA_TYPE, asciiName, name);
    }

    /** A file as a download (see {@link #workbook}). */
    static Response download(byte[] bytes, String mediaType, String asciiName, String name) {
        return Response.ok(bytes, mediaType)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .build();
    }

    /** The required {@code year} of a view (completeness, summary): 400 when absent or not a reporting year. */
    static int reportingYear(String year) {
        if (year == null || year.isBlank()) {
            throw ProblemException.badRequest(
                    "invalid-query",
                    "查询参数不正确",
                    "Invalid query parameter",
                    List.of(Problem.Error.at("?year", "请指定报告年度 year", "year is required")));
        }
        return integer("year", year, null, TemplateVersion.FIRST_REPORTING_YEAR, 9998);
    }

    /** A strong ETag of a representation that has no row version: a digest of its JSON. */
    static String digestTag(Object entity) {
        try {
            byte[] json = ContractsJson.mapper().writeValueAsBytes(entity);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JSON body of a change, or null when there is none (an approve without warnings and a release need none).
     * Unreadable JSON and unknown fields leave as 400 problems (service-support's mappers).
     */
    static <T> T body(String json, Class<T> type) throws JsonProcessingException {
        if (json == null || json.isBlank()) {
            return null;
        }
        return ContractsJson.mapper().readValue(json, type);
    }

    static Integer integer(String name, String value, Integer dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw bad(name, "须在 " + min + " 与 " + max + " 之间", "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(name, "须为整数", "must be a whole number");
        }
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name, "须为 true 或 false", "must be true or false");
        };
    }

    static ProblemException bad(String name, String zh, String en) {
        return ProblemException.badRequest(
                "invalid-query",
                "查询参数不正确",
                "Invalid query parameter",
                List.of(Problem.Error.at("?" + name, "参数 " + name + " " + zh, name + " " + en)));
    }
}

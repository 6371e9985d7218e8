package cn.gov.disclosure.review.cases;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The entity tag of a case is its row version, as a strong tag: {@code "7"}. {@code If-Match} must name it; a weak
 * form ({@code W/"7"}, e.g. after a compressing proxy weakened it) and a bare {@code 7} are read as the same version.
 */
public final class ETag {

    private ETag() {}

    public static String of(long rowVersion) {
        return "\"" + rowVersion + "\"";
    }

    /** Whether the header is absent (no precondition at all). */
    private static boolean absent(String header) {
        return header == null || header.isBlank();
    }

    /**
     * The versions an {@code If-Match} header names: {@link ExpectedVersion#NONE} when it is absent or {@code *} (which
     * names no version: a change needs the version the client read); unreadable tags name no version but count as
     * named, so they are refused as stale.
     */
    public static ExpectedVersion expected(String ifMatch) {
        if (absent(ifMatch) || ifMatch.trim().equals("*")) {
            return ExpectedVersion.NONE;
        }
        Set<Long> versions = new HashSet<>();
        for (String part : ifMatch.split(",")) {
            parse(part).ifPresent(versions::add);
        }
        return new ExpectedVersion(true, versions, ifMatch.trim());
    }

    static OptionalLong parse(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Weak comparison for {@code If-None-Match}: true when the header names {@code etag} (or is {@code *}). */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (absent(ifNoneMatch)) {
            return false;
        }
        String opaque = opaque(etag);
        for (String part : ifNoneMatch.split(",")) {
            String p = part.trim();
            if (p.equals("*") || opaque(p).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.trim();
        return t.startsWith("W/") ? t.substring(2) : t;
    }
}

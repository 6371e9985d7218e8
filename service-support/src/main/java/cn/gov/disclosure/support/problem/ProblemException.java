package cn.gov.disclosure.support.problem;

import java.util.List;

/** Thrown anywhere to answer the request with a problem+json body. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(
            int status,
            String slug,
            String titleZh,
            String titleEn,
            String detailZh,
            String detailEn,
            List<Problem.Error> errors) {
        super(titleEn + (detailEn == null ? "" : ": " + detailEn));
        this.problem = new Problem(
                Problem.TYPE_BASE + slug,
                titleZh,
                status,
                detailZh,
                null,
                titleEn,
                detailEn,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    public ProblemException(int status, String slug, String titleZh, String titleEn, String detailZh, String detailEn) {
        this(status, slug, titleZh, titleEn, detailZh, detailEn, null);
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String slug, String titleZh, String titleEn, List<Problem.Error> errors) {
        return new ProblemException(400, slug, titleZh, titleEn, null, null, errors);
    }

    public static ProblemException notFound(String whatZh, String whatEn) {
        return new ProblemException(404, "not-found", "未找到" + whatZh, whatEn + " not found", null, null);
    }

    public static ProblemException conflict(
            String slug, String titleZh, String titleEn, String detailZh, String detailEn) {
        return new ProblemException(409, slug, titleZh, titleEn, detailZh, detailEn);
    }

    public static ProblemException forbidden(String detailZh, String detailEn) {
        return new ProblemException(403, "forbidden", "无权访问", "Forbidden", detailZh, detailEn);
    }
}

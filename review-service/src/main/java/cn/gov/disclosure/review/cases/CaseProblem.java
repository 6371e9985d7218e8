package cn.gov.disclosure.review.cases;

import cn.gov.disclosure.review.domain.ReviewStateMachine;
import cn.gov.disclosure.support.problem.Problem;
import cn.gov.disclosure.support.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A problem about a case, with RFC 9457 extension members the front-end needs to recover: the case's current
 * {@code state}, its {@code etag} (to retry with), and who holds it ({@code claimedBy}). Answered as
 * {@code application/problem+json} by {@code api.CaseProblemMapper}.
 */
public class CaseProblem extends ProblemException {

    private final Map<String, Object> extensions;

    public CaseProblem(
            int status,
            String slug,
            String titleZh,
            String titleEn,
            String detailZh,
            String detailEn,
            List<Problem.Error> errors,
            Map<String, Object> extensions) {
        super(status, slug, titleZh, titleEn, detailZh, detailEn, errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    static Map<String, Object> about(ReviewCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseId", c.id());
        m.put("state", c.state().name());
        m.put("etag", ETag.of(c.rowVersion()));
        if (c.claimedBy() != null) {
            m.put(
                    "claimedBy",
                    Map.of(
                            "subject",
                            c.claimedBy(),
                            "name",
                            c.claimedByName() == null ? c.claimedBy() : c.claimedByName()));
        }
        return m;
    }

    /** 428: a change without {@code If-Match}. */
    static CaseProblem preconditionRequired(ReviewCase c) {
        return new CaseProblem(
                428,
                "if-match-required",
                "缺少 If-Match 请求头",
                "If-Match required",
                "修改审核案件须在 If-Match 请求头中提供最近读取到的 ETag（当前为 " + ETag.of(c.rowVersion()) + "）",
                "Every change needs the ETag last read, in If-Match (currently " + ETag.of(c.rowVersion()) + ")",
                null,
                about(c));
    }

    /** 412: {@code If-Match} names an older version of the case. */
    static CaseProblem stale(ReviewCase c, String ifMatch) {
        return new CaseProblem(
                412,
                "stale-case",
                "案件已被他人修改，请刷新后重试",
                "The case has changed; reload and retry",
                "If-Match " + ifMatch + " 不是当前版本 " + ETag.of(c.rowVersion()) + "，当前状态："
                        + c.state().labelZh() + "（" + c.state().name() + "）",
                "If-Match " + ifMatch + " is not the current version " + ETag.of(c.rowVersion()) + "; current state: "
                        + c.state().name(),
                null,
                about(c));
    }

    /** The state machine refused the command: 409 (state, claim) or 400 (comment, acknowledgements). */
    static CaseProblem rejected(ReviewCase c, ReviewStateMachine.Rejected r) {
        Map<String, Object> ext = about(c);
        ext.put("action", r.action().pathName());
        return switch (r.reason()) {
            case ILLEGAL_TRANSITION ->
                new CaseProblem(
                        409,
                        "illegal-transition",
                        "当前状态下不能进行此操作",
                        "Illegal transition",
                        "案件当前状态为" + c.state().labelZh() + "（" + c.state().name() + "），不能" + zh(r.action()),
                        "The case is " + c.state().name() + "; it cannot be " + en(r.action()),
                        null,
                        ext);
            case NOT_CLAIMER ->
                new CaseProblem(
                        409,
                        "not-claimed-by-you",
                        "该案件未由您认领",
                        "The case is not claimed by you",
                        c.claimedBy() == null
                                ? "案件当前状态为" + c.state().labelZh() + "，须先认领"
                                : "案件由 " + nameOf(c) + " 审核中，只有认领人可以" + zh(r.action()),
                        c.claimedBy() == null
                                ? "The case is " + c.state().name() + "; claim it first"
                                : "The case is being reviewed by " + nameOf(c) + "; only the claimer may "
                                        + r.action().pathName() + " it",
                        null,
                        ext);
            case COMMENT_REQUIRED ->
                new CaseProblem(
                        400,
                        "comment-required",
                        "退回须填写意见",
                        "A comment is required",
                        "退回报告时须向乡镇说明退回理由",
                        "Returning a report needs a comment for the township",
                        List.of(Problem.Error.at("/comment", "请填写退回意见", "comment must not be blank")),
                        ext);
            case ACKNOWLEDGEMENT_MISSING ->
                new CaseProblem(
                        400,
                        "acknowledgement-missing",
                        "尚有警告未确认",
                        "Warnings not acknowledged",
                        "通过含警告的报告须逐条确认警告，尚有 " + r.keys().size() + " 条未确认",
                        r.keys().size() + " warning(s) not acknowledged",
                        errors(r.keys(), "未确认的警告", "warning not acknowledged"),
                        ext);
            case ACKNOWLEDGEMENT_UNKNOWN ->
                new CaseProblem(
                        400,
                        "acknowledgement-unknown",
                        "确认的警告不存在",
                        "Acknowledgement of no warning",
                        "以下确认不对应本报告的任何警告",
                        "These acknowledgements name no warning of the report",
                        errors(r.keys(), "不对应任何警告", "names no warning of this case"),
                        ext);
        };
    }

    private static List<Problem.Error> errors(List<ReviewStateMachine.WarningKey> keys, String zh, String en) {
        return keys.stream()
                .map(k -> new Problem.Error(
                        "/acknowledgements",
                        null,
                        k.row(),
                        k.column() == null ? null : List.of(k.column()),
                        zh + "：" + k.code() + place(k),
                        en + ": " + k))
                .toList();
    }

    private static String place(ReviewStateMachine.WarningKey k) {
        return (k.row() == null ? "" : "，行 " + k.row()) + (k.column() == null ? "" : "，列 " + k.column());
    }

    private static String nameOf(ReviewCase c) {
        return c.claimedByName() == null ? c.claimedBy() : c.claimedByName();
    }

    private static String zh(ReviewStateMachine.Action a) {
        return switch (a) {
            case CLAIM -> "认领";
            case RELEASE -> "放弃认领";
            case APPROVE -> "审核通过";
            case RETURN -> "退回";
            case SUPERSEDE -> "被新版本取代";
            case WITHDRAW -> "被乡镇撤回";
        };
    }

    private static String en(ReviewStateMachine.Action a) {
        return switch (a) {
            case CLAIM -> "claimed";
            case RELEASE -> "released";
            case APPROVE -> "approved";
            case RETURN -> "returned";
            case SUPERSEDE -> "superseded";
            case WITHDRAW -> "withdrawn";
        };
    }
}

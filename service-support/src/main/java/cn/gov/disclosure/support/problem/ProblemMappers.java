package cn.gov.disclosure.support.problem;

import cn.gov.disclosure.support.limits.TooManyRequests;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as {@code application/problem+json}, never as an HTML page or a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response r = respond(e.problem(), uri);
        if (e instanceof TooManyRequests t) {
            return Response.fromResponse(r)
                    .header("Retry-After", String.valueOf(t.retryAfterSeconds()))
                    .build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        return respond(
                new Problem(
                        Problem.TYPE_BASE + "malformed-json",
                        "请求体不是有效的 JSON",
                        400,
                        "第 " + e.getLocation().getLineNr() + " 行第 "
                                + e.getLocation().getColumnNr() + " 列：" + e.getOriginalMessage(),
                        null,
                        "The request body is not valid JSON",
                        "line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(),
                        List.of(new Problem.Error(
                                "", e.getLocation().getLineNr(), null, null, "JSON 语法错误", "JSON syntax error"))),
                uri);
    }

    @ServerExceptionMapper
    public Response wrongJson(JsonMappingException e, UriInfo uri) {
        String pointer = pointer(e.getPath());
        String reason = e.getOriginalMessage() == null
                ? ""
                : e.getOriginalMessage().lines().findFirst().orElse("");
        return respond(
                new Problem(
                        Problem.TYPE_BASE + "invalid-field",
                        "字段内容不符合报告格式",
                        400,
                        "字段 " + (pointer.isEmpty() ? "/" : pointer) + " 的值无法读取",
                        null,
                        "A field does not match the report format",
                        (pointer.isEmpty() ? "/" : pointer) + ": " + reason,
                        List.of(Problem.Error.at(pointer, "值的类型或内容不正确：" + reason, reason))),
                uri);
    }

    /** Quarkus has a built-in mapper for this subtype; ours must be at least as specific to win. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return wrongJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidJsonValue(InvalidFormatException e, UriInfo uri) {
        return wrongJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownJsonField(UnrecognizedPropertyException e, UriInfo uri) {
        return wrongJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unconstructibleJsonValue(ValueInstantiationException e, UriInfo uri) {
        return wrongJson(e, uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return respond(
                new Problem(
                        Problem.TYPE_BASE + "malformed-json",
                        "请求体不是有效的 JSON",
                        400,
                        null,
                        null,
                        "The request body is not valid JSON",
                        e.getOriginalMessage(),
                        null),
                uri);
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Error> errors = e.getConstraintViolations().stream()
                .map(v -> Problem.Error.at(v.getPropertyPath().toString(), v.getMessage(), v.getMessage()))
                .collect(Collectors.toList());
        return respond(
                new Problem(
                        Problem.TYPE_BASE + "invalid-request",
                        "请求参数不正确",
                        400,
                        null,
                        null,
                        "Invalid request",
                        null,
                        errors),
                uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(unauthenticated(), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(unauthenticated(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(
                new Problem(
                        Problem.TYPE_BASE + "forbidden",
                        "无权访问",
                        403,
                        "您的角色或所属单位无权进行此操作",
                        null,
                        "Forbidden",
                        "Your role or organisation may not do this",
                        null),
                uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // the REST layer wraps some body-reading failures; name the field when the cause can
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonMappingException mapping) {
                return wrongJson(mapping, uri);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String zh = switch (status) {
            case 400 -> "请求不正确";
            case 401 -> "未登录或登录已失效";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "不支持该请求方法";
            case 406 -> "无法提供所要求的格式";
            case 413 -> "请求体过大";
            case 415 -> "不支持该内容类型";
            default -> "请求无法处理";
        };
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String en = type == null ? "Request failed" : type.getReasonPhrase();
        return respond(
                new Problem(Problem.TYPE_BASE + "http-" + status, zh, status, null, null, en, e.getMessage(), null),
                uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("Unexpected error", e);
        return respond(
                new Problem(
                        Problem.TYPE_BASE + "internal",
                        "服务内部错误，请稍后重试",
                        500,
                        null,
                        null,
                        "Internal error, please retry later",
                        e.getClass().getSimpleName(),
                        null),
                uri);
    }

    private static Problem unauthenticated() {
        return new Problem(
                Problem.TYPE_BASE + "unauthenticated",
                "未登录或登录已失效",
                401,
                "请提供有效的访问令牌",
                null,
                "Not authenticated",
                "A valid bearer token is required",
                null);
    }

    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            sb.append('/');
            if (r.getFieldName() != null) {
                sb.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                sb.append(r.getIndex());
            }
        }
        return sb.toString();
    }

    public static Response respond(Problem problem, UriInfo uri) {
        Problem p = uri == null ? problem : problem.withInstance(uri.getPath());
        Response.ResponseBuilder b =
                Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
        if (p.status() == 401) {
            b.header("WWW-Authenticate", "Bearer");
        }
        return b.build();
    }
}

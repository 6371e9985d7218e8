package cn.gov.disclosure.support.inbox;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a consumer's {@code @Incoming} method: a failure that is not the record's fault (the database restarting, a
 * connection lost) is retried, each time in a new transaction, with a growing pause, before the record is given up to
 * the dead-letter topic. A record that cannot be read ({@code MalformedEventException}) goes there at once. See
 * {@link RetryTransientInterceptor}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryTransient {
}

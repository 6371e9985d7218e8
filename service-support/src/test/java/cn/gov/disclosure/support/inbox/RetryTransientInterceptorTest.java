package cn.gov.disclosure.support.inbox;

import cn.gov.disclosure.contracts.events.EventCodec;
import jakarta.interceptor.InvocationContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryTransientInterceptorTest {

    private final RetryTransientInterceptor interceptor = new RetryTransientInterceptor();

    @Test
    void aTransientFailureIsTriedAgainUntilItSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Object result = interceptor.retry(context(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("Cannot record processed event",
                        new java.sql.SQLException("Connection refused"));
            }
            return "handled";
        }));
        assertThat(result).isEqualTo("handled");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aRecordThatCannotBeReadIsGivenUpAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> interceptor.retry(context(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException(new EventCodec.MalformedEventException("no ce_type", null));
        }))).hasCauseInstanceOf(EventCodec.MalformedEventException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void onlyMalformedRecordsAreNotTransient() {
        assertThat(RetryTransientInterceptor.isTransient(new IllegalStateException(new java.sql.SQLException()))).isTrue();
        assertThat(RetryTransientInterceptor.isTransient(new EventCodec.MalformedEventException("x", null))).isFalse();
    }

    private static InvocationContext context(Callable<Object> body) throws NoSuchMethodException {
        Method method = Callable.class.getMethod("call");
        return new InvocationContext() {
            public Object getTarget() { return body; }
            public Object getTimer() { return null; }
            public Method getMethod() { return method; }
            public Constructor<?> getConstructor() { return null; }
            public Object[] getParameters() { return new Object[0]; }
            public void setParameters(Object[] params) { }
            public Map<String, Object> getContextData() { return new java.util.HashMap<>(); }
            public Object proceed() throws Exception { return body.call(); }
        };
    }
}

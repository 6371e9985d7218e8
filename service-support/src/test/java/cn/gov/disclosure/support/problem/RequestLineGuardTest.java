package cn.gov.disclosure.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLineGuardTest {

    @Test
    void controlCharactersRawOrPercentEncodedAreFound() {
        assertThat(RequestLineGuard.hasControlCharacter("/api/v1/reports/%00%01%07"))
                .isTrue();
        assertThat(RequestLineGuard.hasControlCharacter("/api/v1/cases?state=%0d%0aSet-Cookie"))
                .isTrue();
        assertThat(RequestLineGuard.hasControlCharacter("/api/v1/cases?state=%7f"))
                .isTrue();
        assertThat(RequestLineGuard.hasControlCharacter("/api/v1/reports/a\u0000b"))
                .isTrue();
    }

    @Test
    void ordinaryRequestLinesPass() {
        assertThat(RequestLineGuard.hasControlCharacter("/api/v1/reports/350582107-2020"))
                .isFalse();
        assertThat(RequestLineGuard.hasControlCharacter("/api/v1/cases?township=%E7%B4%AB&sort=-updatedAt"))
                .isFalse();
        assertThat(RequestLineGuard.hasControlCharacter("/api/v1/cases?q=100%25"))
                .isFalse();
        assertThat(RequestLineGuard.hasControlCharacter("/x%2")).isFalse();
    }
}

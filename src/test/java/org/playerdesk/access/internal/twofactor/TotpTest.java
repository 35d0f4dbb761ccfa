package org.playerdesk.access.internal.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238, appendix B (SHA-1): the last six digits of its eight. */
    @Test
    void codesAreThoseOfTheStandardsTestVectors() {
        String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(secret, Totp.step(at(59)))).isEqualTo("287082");
        assertThat(Totp.code(secret, Totp.step(at(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(secret, Totp.step(at(1234567890)))).isEqualTo("005924");
        assertThat(Totp.code(secret, Totp.step(at(2000000000)))).isEqualTo("279037");
    }

    @Test
    void aCodeMatchesOneStepEitherSideAndOnlyAfterTheLastOneUsed() {
        String secret = Totp.newSecret();
        Clock clock = at(1_000_000_020);
        long now = Totp.step(clock);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now - 1), clock, 0)).hasValue(now - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now + 1), clock, 0)).hasValue(now + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now + 2), clock, 0)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now), clock, now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12a456", clock, 0)).isEmpty();
        assertThat(Totp.fromBase32(secret)).hasSize(20);
    }

    @Test
    void theQrCodeHasItsFinderPatternsAndGrowsWithTheText() {
        QrCode small = QrCode.encode("PlayerDesk".getBytes(StandardCharsets.UTF_8));
        assertThat(small.size()).isEqualTo(21);
        QrCode uri = QrCode.encode(Totp.uri("PlayerDesk", "a-rather-long-user-name", Totp.newSecret())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(uri.size()).isGreaterThan(21);
        for (int[] corner : new int[][] { { 0, 0 }, { uri.size() - 7, 0 }, { 0, uri.size() - 7 } }) {
            assertThat(uri.dark(corner[0], corner[1])).isTrue();
            assertThat(uri.dark(corner[0] + 1, corner[1] + 1)).isFalse();
            assertThat(uri.dark(corner[0] + 3, corner[1] + 3)).isTrue();
        }
        assertThat(QrCode.svg("otpauth://totp/x")).startsWith("<svg").contains("<path d=\"M");
    }

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}

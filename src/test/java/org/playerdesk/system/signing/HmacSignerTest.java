package org.playerdesk.system.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HmacSignerTest {

    @Test
    void signsAsRfc4231Says() {
        // RFC 4231, test case 2
        assertThat(HmacSigner.sign("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void partsAreSignedAsOneMessageAndAMissingPartAsNothing() {
        byte[] what = "what do ya want ".getBytes(StandardCharsets.UTF_8);
        byte[] nothing = "for nothing?".getBytes(StandardCharsets.UTF_8);

        assertThat(HmacSigner.sign("Jefe", what, nothing, null))
                .isEqualTo(HmacSigner.sign("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void acceptsOnlyTheSameSignature() {
        String signature = HmacSigner.sign("a-secret", "text");

        assertThat(HmacSigner.same(signature, signature)).isTrue();
        assertThat(HmacSigner.same(signature, HmacSigner.sign("another-secret", "text"))).isFalse();
        assertThat(HmacSigner.same(signature, signature.substring(1))).as("shorter").isFalse();
        assertThat(HmacSigner.same(signature, null)).as("none").isFalse();
    }
}

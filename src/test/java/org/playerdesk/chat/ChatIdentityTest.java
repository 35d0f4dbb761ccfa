package org.playerdesk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatIdentityTest {

    private static final String SECRET = "a-game-secret-of-some-length";

    @Test
    void signsTheSixFieldsLineByLine() {
        ChatIdentity identity = new ChatIdentity("demo", "10086", "旅行者", 3, "S1", 1_700_000_000L, null);

        assertThat(identity.canonical()).isEqualTo("demo\n10086\n旅行者\n3\nS1\n1700000000");
        // the same as: printf 'demo\n10086\n旅行者\n3\nS1\n1700000000' | openssl dgst -sha256 -hmac SECRET
        assertThat(identity.signedWith(SECRET).signature())
                .isEqualTo("b25dce0d2ce839c5e065e453eb085943c0f636daa6f608cc0774f26c9151994e");
    }

    @Test
    void acceptsItsOwnSignatureAndRefusesAnyChange() {
        ChatIdentity signed = new ChatIdentity("demo", "10086", "旅行者", 3, "S1", 1_700_000_000L, null)
                .signedWith(SECRET);

        assertThat(signed.signedBy(SECRET)).isTrue();
        assertThat(signed.signedBy("another-secret-entirely")).isFalse();
        assertThat(new ChatIdentity("demo", "10086", "旅行者", 9, "S1", 1_700_000_000L, signed.signature())
                .signedBy(SECRET)).as("VIP level raised by the player").isFalse();
        assertThat(new ChatIdentity("demo", "10087", "旅行者", 3, "S1", 1_700_000_000L, signed.signature())
                .signedBy(SECRET)).as("another account").isFalse();
        assertThat(new ChatIdentity("demo", "10086", "旅行者", 3, "S1", 1_700_000_000L, null).signedBy(SECRET))
                .as("unsigned").isFalse();
    }

    @Test
    void absentFieldsAreEmptyLines() {
        assertThat(new ChatIdentity("demo", "1", null, null, null, 5L, null).canonical()).isEqualTo("demo\n1\n\n\n\n5");
    }
}

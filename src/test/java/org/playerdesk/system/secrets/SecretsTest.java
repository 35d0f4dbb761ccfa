package org.playerdesk.system.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Sealing and opening secrets, the keys from configuration or made on first start. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTest {

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final String one = newKey();
    private final Secrets secrets = new Secrets(Map.of("one", one), "one");

    @Test
    void sealsWithTheActiveKeysIdAndANewNonceEachTime() {
        String first = secrets.seal("webhook-secret-0123456789");
        String second = secrets.seal("webhook-secret-0123456789");

        assertThat(first).startsWith("enc:one:").doesNotContain("webhook-secret").isNotEqualTo(second);
        assertThat(secrets.open(first)).isEqualTo("webhook-secret-0123456789");
        assertThat(secrets.open(second)).isEqualTo("webhook-secret-0123456789");
        assertThat(secrets.sealedWithActiveKey(first)).isTrue();
        assertThat(secrets.seal(null)).isNull();
        assertThat(secrets.open(null)).isNull();
        assertThat(secrets.open(secrets.seal("密钥-ünïcode"))).isEqualTo("密钥-ünïcode");
    }

    @Test
    void readsAPlainValueFromBeforeSealingAsItIs() {
        assertThat(secrets.open("stored-before-sealing")).isEqualTo("stored-before-sealing");
        assertThat(Secrets.isSealed("stored-before-sealing")).isFalse();
        assertThat(secrets.sealedWithActiveKey("stored-before-sealing")).isFalse();
    }

    @Test
    void anOlderKeyStillOpensWhatItSealedUntilItIsRemoved() {
        String sealed = secrets.seal("rotated-secret");
        Secrets rotated = new Secrets(Map.of("one", one, "two", newKey()), "two");

        assertThat(rotated.open(sealed)).isEqualTo("rotated-secret");
        assertThat(rotated.sealedWithActiveKey(sealed)).isFalse();
        assertThat(rotated.seal("rotated-secret")).startsWith("enc:two:");
    }

    @Test
    void refusesAValueOfAKeyNotConfiguredOrOfAnotherKeyWithTheSameId() {
        String sealed = secrets.seal("signing-secret");

        assertThatThrownBy(() -> new Secrets(Map.of("two", newKey()), "two").open(sealed))
                .isInstanceOf(Secrets.SecretUnreadable.class)
                .hasMessageContaining("sealed with the key 'one', which playerdesk.secrets.keys does not hold [two]")
                .hasMessageNotContaining("signing-secret");
        assertThatThrownBy(() -> new Secrets(Map.of("one", newKey()), "one").open(sealed))
                .isInstanceOf(Secrets.SecretUnreadable.class)
                .hasMessageContaining("the key 'one' does not open it");
        // a value passed off as another key's: the key id is bound to the ciphertext
        String relabelled = sealed.replace("enc:one:", "enc:two:");
        assertThatThrownBy(() -> new Secrets(Map.of("one", one, "two", one), "one").open(relabelled))
                .isInstanceOf(Secrets.SecretUnreadable.class);
    }

    @Test
    void refusesKeysThatCannotBeUsedWithAMessageThatSaysWhy() {
        assertThatThrownBy(() -> new Secrets(Map.of("one", one), "two"))
                .hasMessageContaining("playerdesk.secrets.active-key is 'two', which playerdesk.secrets.keys does not hold");
        assertThatThrownBy(() -> new Secrets(Map.of("short", Base64.getEncoder().encodeToString(new byte[16])), "short"))
                .hasMessageContaining("playerdesk.secrets.keys.short is 16 bytes long; an AES-256 key is 32 bytes");
        assertThatThrownBy(() -> new Secrets(Map.of("bad", "not base64!"), "bad"))
                .hasMessageContaining("playerdesk.secrets.keys.bad is not base64");
        assertThatThrownBy(() -> new Secrets(Map.of(), null)).hasMessageContaining("holds no key");
    }

    @Test
    void theOnlyConfiguredKeyNeedsNoActiveKey(@TempDir Path dataDir) {
        Secrets configured = SecretsConfiguration.keys(new SecretsProperties(Map.of("prod", one), null, null, null), dataDir);

        assertThat(configured.activeKey()).isEqualTo("prod");
        assertThat(dataDir.resolve(SecretsConfiguration.KEY_FILE)).doesNotExist();
    }

    @Test
    void withoutConfiguredKeysMakesOneOnFirstStartKeepsItInTheDataFolderAndNeverLogsIt(@TempDir Path dataDir,
            CapturedOutput output) throws Exception {
        SecretsProperties none = new SecretsProperties(null, null, null, null);

        Secrets first = SecretsConfiguration.keys(none, dataDir);
        String sealed = first.seal("kept-across-starts");
        Secrets second = SecretsConfiguration.keys(none, dataDir);

        Path file = dataDir.resolve(SecretsConfiguration.KEY_FILE);
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(second.open(sealed)).isEqualTo("kept-across-starts");
        String key = Files.readAllLines(file).stream().filter(line -> line.startsWith("key.")).findFirst().orElseThrow()
                .replaceFirst("^key\\.[^=]+=", "").replace("\\", "");
        assertThat(output.getAll()).contains(file.toAbsolutePath().normalize().toString())
                .contains("made a key for the secrets at rest").doesNotContain(key);
    }

    @Test
    void aKeyFileThatHoldsNoUsableKeyStopsTheStart(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve(SecretsConfiguration.KEY_FILE), "active=local1\nkey.local1=c2hvcnQ=\n");

        assertThatThrownBy(() -> SecretsConfiguration.keys(new SecretsProperties(null, null, null, null), dataDir))
                .hasMessageContaining("secrets.key does not hold a usable key")
                .hasMessageContaining("is 5 bytes long");
    }
}

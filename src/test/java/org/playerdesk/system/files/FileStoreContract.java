package org.playerdesk.system.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.signing.Hashes;
import org.springframework.core.io.Resource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every file store promises, run against each backend: files go in and come back as streams
 * under keys of their month, with their size and SHA-256, whole or not at all, in areas apart;
 * a file of several MiB streams through; a file written by a command that is undone is gone.
 */
abstract class FileStoreContract {

    static final byte[] CONTENT = "充值记录 2026-05-04\n".getBytes(StandardCharsets.UTF_8);

    /** The backend under test. */
    abstract FileStores stores();

    /** Transactions as the commands that write files run them. */
    abstract PlatformTransactionManager transactions();

    /** A name of an area of this test's own, so that tests sharing a store do not meet. */
    String area(String base) {
        return base;
    }

    Area area() {
        return (Area) stores().area(area("files"));
    }

    @Test
    void putsAFileUnderAKeyOfItsMonthAndTellsItsSizeAndFingerprint() throws IOException {
        FileStore store = area();

        StoredFile stored = store.put(new ByteArrayInputStream(CONTENT));

        assertThat(stored.key()).matches("\\d{4}/\\d{2}/[0-9a-f-]{36}");
        assertThat(stored.size()).isEqualTo(CONTENT.length);
        assertThat(stored.sha256()).isEqualTo(Hashes.sha256(CONTENT));
        assertThat(store.exists(stored.key())).isTrue();
        Resource file = store.get(stored.key()).orElseThrow();
        assertThat(file.contentLength()).isEqualTo(CONTENT.length);
        assertThat(file.getContentAsByteArray()).isEqualTo(CONTENT);
        // read again: each read is a new stream
        assertThat(file.getContentAsByteArray()).isEqualTo(CONTENT);
    }

    @Test
    void streamsAFileOfSeveralMebibytesBothWays() throws IOException {
        long size = 5L * 1024 * 1024 + 123;
        FileStore store = area();

        StoredFile stored = store.put(new Generated(size, 42));

        StoredFile expected = Fingerprint.of("", new Generated(size, 42));
        assertThat(stored.size()).isEqualTo(size);
        assertThat(stored.sha256()).isEqualTo(expected.sha256());
        Resource file = store.get(stored.key()).orElseThrow();
        assertThat(file.contentLength()).isEqualTo(size);
        try (InputStream in = file.getInputStream()) {
            StoredFile read = Fingerprint.of(stored.key(), in);
            assertThat(read).isEqualTo(stored);
        }
    }

    @Test
    void keepsAnEmptyFile() throws IOException {
        FileStore store = area();

        StoredFile stored = store.put(InputStream.nullInputStream());

        assertThat(stored.size()).isZero();
        assertThat(stored.sha256()).isEqualTo(Hashes.sha256(new byte[0]));
        assertThat(store.get(stored.key()).orElseThrow().getContentAsByteArray()).isEmpty();
    }

    @Test
    void deletesAFileOnceAndThenNoLongerHasIt() {
        FileStore store = area();
        String key = store.put(new ByteArrayInputStream(CONTENT)).key();

        assertThat(store.delete(key)).isTrue();
        assertThat(store.exists(key)).isFalse();
        assertThat(store.get(key)).isEmpty();
        assertThat(store.delete(key)).isFalse();
    }

    @Test
    void keepsAreasApart() {
        String key = area().put(new ByteArrayInputStream(CONTENT)).key();

        FileStore images = stores().area(area("kb-images"));
        assertThat(images.exists(key)).isFalse();
        assertThat(images.get(key)).isEmpty();
    }

    @Test
    void refusesKeysThatAreNotTheStoresOwnAndAreaNamesThatAreNotWords() {
        FileStore store = area();

        assertThatThrownBy(() -> store.get("../playerdesk.mv.db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists("2026/../../kb-images/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stores().area("../outside")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stores().area("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesAFileUnderAGivenKeyReplacingTheOneThereAndListsItsKeys() throws IOException {
        Area store = area();
        String key = "2025/11/0190f5a2-6c1e-7000-8000-" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L);

        store.write(key, new ByteArrayInputStream(CONTENT));
        StoredFile replaced = store.write(key, new ByteArrayInputStream("第二版".getBytes(StandardCharsets.UTF_8)));

        assertThat(replaced.sha256()).isEqualTo(Hashes.sha256("第二版".getBytes(StandardCharsets.UTF_8)));
        assertThat(store.get(key).orElseThrow().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("第二版");
        try (Stream<String> keys = store.keys()) {
            assertThat(keys.toList()).contains(key).doesNotHaveDuplicates();
        }
    }

    @Test
    void aFileWrittenByACommandThatIsUndoneIsGone() {
        FileStore store = area();
        TransactionTemplate command = new TransactionTemplate(transactions());

        List<String> written = new java.util.ArrayList<>();
        command.executeWithoutResult(status -> {
            written.add(store.put(new ByteArrayInputStream(CONTENT)).key());
            status.setRollbackOnly();
        });
        String kept = command.execute(status -> store.put(new ByteArrayInputStream(CONTENT)).key());

        assertThat(store.exists(written.getFirst())).isFalse();
        assertThat(store.exists(kept)).isTrue();
    }

    /** Bytes made on the fly from a seed, as many as asked for, never held whole. */
    static final class Generated extends InputStream {

        private final SplittableRandom random;
        private long left;

        Generated(long size, long seed) {
            this.random = new SplittableRandom(seed);
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int count = (int) Math.min(length, left);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = (byte) random.nextInt(256);
            }
            left -= count;
            return count;
        }
    }
}

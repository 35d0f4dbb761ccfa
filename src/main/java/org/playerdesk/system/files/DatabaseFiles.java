package org.playerdesk.system.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files in the database, shared by every node that shares it: one row per file in
 * {@code stored_file} and its content in rows of at most {@link #CHUNK} bytes in
 * {@code stored_file_chunk}. Chunks keep memory bounded on both sides: the application holds one
 * chunk at a time, and so does the driver (PostgreSQL's driver reads a {@code bytea} value whole).
 * A file is written in the caller's transaction (or one of its own), so a ticket and its files
 * are stored together or not at all, and readers see a file only once it is whole.
 */
class DatabaseFiles implements FileStores {

    /** The most content one row holds: 1 MiB. */
    static final int CHUNK = 1024 * 1024;
    /** How many keys one query lists. */
    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DatabaseFiles(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Rows area(String name) {
        return new Rows(name);
    }

    @Override
    public String toString() {
        return "the database (tables stored_file and stored_file_chunk)";
    }

    /** One area's rows. */
    final class Rows extends Area {

        private Rows(String name) {
            super(name, clock);
        }

        @Override
        StoredFile write(String key, InputStream content) {
            checkKey(key);
            return transactions.execute(status -> {
                jdbc.update("delete from stored_file where area = ? and storage_key = ?", name(), key);
                jdbc.update("insert into stored_file (area, storage_key, size_bytes, sha256, created_at) "
                        + "values (?, ?, 0, '', ?)", name(), key, Timestamp.from(clock.instant()));
                MessageDigest sha256 = Fingerprint.sha256();
                byte[] chunk = new byte[CHUNK];
                long size = 0;
                for (int number = 0;; number++) {
                    int read = fill(content, chunk);
                    if (read == 0) {
                        break;
                    }
                    sha256.update(chunk, 0, read);
                    int length = read;
                    int chunkNumber = number;
                    jdbc.update("insert into stored_file_chunk (area, storage_key, chunk, content) values (?, ?, ?, ?)",
                            ps -> {
                                ps.setString(1, name());
                                ps.setString(2, key);
                                ps.setInt(3, chunkNumber);
                                ps.setBinaryStream(4, new ByteArrayInputStream(chunk, 0, length), length);
                            });
                    size += read;
                    if (read < CHUNK) {
                        break;
                    }
                }
                StoredFile file = new StoredFile(key, size, Fingerprint.hex(sha256));
                jdbc.update("update stored_file set size_bytes = ?, sha256 = ? where area = ? and storage_key = ?",
                        file.size(), file.sha256(), name(), key);
                return file;
            });
        }

        @Override
        boolean joinsTransactions() {
            return true;
        }

        @Override
        public Optional<Resource> get(String key) {
            List<Long> sizes = jdbc.queryForList("select size_bytes from stored_file where area = ? and storage_key = ?",
                    Long.class, name(), checkKey(key));
            if (sizes.isEmpty()) {
                return Optional.empty();
            }
            long size = sizes.getFirst();
            return Optional.of(new StoredContent("file " + key + " of area " + name() + " in the database", size,
                    () -> new ChunkStream(key, size)));
        }

        @Override
        public boolean exists(String key) {
            return jdbc.queryForObject("select count(*) from stored_file where area = ? and storage_key = ?",
                    Integer.class, name(), checkKey(key)) > 0;
        }

        @Override
        public boolean delete(String key) {
            checkKey(key);
            // the chunks go with their file (on delete cascade)
            return jdbc.update("delete from stored_file where area = ? and storage_key = ?", name(), key) > 0;
        }

        @Override
        Stream<String> keys() {
            // a page of keys per query, after the last key of the page before: no cursor stays open
            Spliterator<String> pages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
                private List<String> page = List.of();
                private int next;
                private String after = "";
                private boolean last;

                @Override
                public boolean tryAdvance(Consumer<? super String> action) {
                    if (next == page.size()) {
                        if (last) {
                            return false;
                        }
                        page = jdbc.queryForList("select storage_key from stored_file where area = ? and storage_key > ? "
                                + "order by storage_key fetch first " + PAGE + " rows only", String.class, name(), after);
                        next = 0;
                        last = page.size() < PAGE;
                        if (page.isEmpty()) {
                            return false;
                        }
                        after = page.getLast();
                    }
                    action.accept(page.get(next++));
                    return true;
                }
            };
            return StreamSupport.stream(pages, false);
        }

        /** Reads up to a whole chunk from the sender; fewer bytes only at its end. */
        private static int fill(InputStream content, byte[] chunk) {
            try {
                return content.readNBytes(chunk, 0, chunk.length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the file to store", e);
            }
        }

        /** A file's content read one chunk, and one short query, at a time. */
        private final class ChunkStream extends InputStream {

            private final String key;
            private final long size;
            private byte[] chunk = new byte[0];
            private int position;
            private int number;
            private long read;

            ChunkStream(String key, long size) {
                this.key = key;
                this.size = size;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (position == chunk.length && !nextChunk()) {
                    return -1;
                }
                int count = Math.min(length, chunk.length - position);
                System.arraycopy(chunk, position, buffer, offset, count);
                position += count;
                read += count;
                return count;
            }

            private boolean nextChunk() throws IOException {
                if (read >= size) {
                    return false;
                }
                List<byte[]> found = jdbc.query("select content from stored_file_chunk "
                        + "where area = ? and storage_key = ? and chunk = ?", (rs, row) -> rs.getBytes(1), name(), key,
                        number);
                if (found.isEmpty() || found.getFirst().length == 0) {
                    throw new IOException("the file " + key + " of area " + name() + " ends after " + read + " of "
                            + size + " bytes");
                }
                chunk = found.getFirst();
                position = 0;
                number++;
                return true;
            }
        }
    }
}

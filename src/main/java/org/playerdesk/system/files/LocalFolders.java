package org.playerdesk.system.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.PlayerDeskProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Files in folders under {@code playerdesk.data-dir}: an area is a folder ({@code <data-dir>/files},
 * {@code <data-dir>/kb-images}) and a key is a path inside it. Each file is forced to disk before
 * {@code put} returns; a key that would lead outside its folder is refused.
 */
@Component
public class LocalFolders implements FileStores {

    private static final Pattern AREA = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final Clock clock;

    public LocalFolders(PlayerDeskProperties properties, Clock clock) {
        this.dataDir = properties.dataDir();
        this.clock = clock;
    }

    @Override
    public Folder area(String name) {
        if (name == null || !AREA.matcher(name).matches()) {
            throw new IllegalArgumentException("not an area name: " + name);
        }
        return new Folder(dataDir.resolve(name).toAbsolutePath().normalize());
    }

    /** One area's folder. */
    public final class Folder implements FileStore {

        private final Path root;

        private Folder(Path root) {
            this.root = root;
        }

        @Override
        public StoredFile put(InputStream content) {
            String key = MONTH.format(clock.instant()) + "/" + Ids.next();
            Path target = path(key);
            MessageDigest sha256 = sha256();
            long size = 0;
            boolean created = false;
            try {
                Files.createDirectories(target.getParent());
                try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE); InputStream in = new DigestInputStream(content, sha256)) {
                    created = true;
                    byte[] chunk = new byte[64 * 1024];
                    for (int read = in.read(chunk); read != -1; read = in.read(chunk)) {
                        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, read);
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                        size += read;
                    }
                    channel.force(true);
                }
            } catch (IOException e) {
                if (created) {
                    deleteQuietly(target);
                }
                throw new UncheckedIOException("cannot store a file in " + root.getFileName(), e);
            }
            return new StoredFile(key, size, HexFormat.of().formatHex(sha256.digest()));
        }

        @Override
        public Optional<Resource> get(String key) {
            Path file = path(key);
            return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
        }

        @Override
        public boolean exists(String key) {
            return Files.isRegularFile(path(key));
        }

        @Override
        public boolean delete(String key) {
            try {
                return Files.deleteIfExists(path(key));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete a file in " + root.getFileName(), e);
            }
        }

        /** Where the file of this key lies; only a key inside the area's folder has one. */
        Path path(String key) {
            Path path = root.resolve(key).normalize();
            if (!path.startsWith(root) || path.equals(root)) {
                throw new IllegalArgumentException("storage key outside the " + root.getFileName() + " folder");
            }
            return path;
        }

        private static void deleteQuietly(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the write failed already; that error is the one to report
            }
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}

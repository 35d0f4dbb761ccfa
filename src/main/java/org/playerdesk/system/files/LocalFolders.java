package org.playerdesk.system.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.playerdesk.system.PlayerDeskProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Files in folders under {@code playerdesk.data-dir}: an area is a folder ({@code <data-dir>/files},
 * {@code <data-dir>/kb-images}) and a key is a path inside it. A file is written under a hidden
 * name, forced to disk and then renamed to its key, so a reader never finds half of it; a key
 * that would lead outside its folder is refused. Only one node sees these folders, unless they
 * are shared.
 */
public class LocalFolders implements FileStores {

    private final Path dataDir;
    private final Clock clock;

    public LocalFolders(PlayerDeskProperties properties, Clock clock) {
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public Folder area(String name) {
        return new Folder(name);
    }

    @Override
    public String toString() {
        return "folders under " + dataDir;
    }

    /** One area's folder. */
    public final class Folder extends Area {

        private final Path root;

        private Folder(String name) {
            super(name, clock);
            this.root = dataDir.resolve(name).normalize();
        }

        @Override
        StoredFile write(String key, InputStream content) {
            Path target = path(key);
            Path part = target.resolveSibling("." + UUID.randomUUID() + ".part");
            MessageDigest sha256 = Fingerprint.sha256();
            long size = 0;
            boolean created = false;
            try {
                Files.createDirectories(target.getParent());
                try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    created = true;
                    byte[] chunk = new byte[64 * 1024];
                    for (int read = read(content, chunk); read != -1; read = read(content, chunk)) {
                        sha256.update(chunk, 0, read);
                        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, read);
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                        size += read;
                    }
                    channel.force(true);
                }
                move(part, target);
            } catch (IOException e) {
                throw new FilesUnavailable("cannot write a file in " + root, e);
            } finally {
                if (created) {
                    deleteQuietly(part);
                }
            }
            return new StoredFile(key, size, Fingerprint.hex(sha256));
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
                throw new FilesUnavailable("cannot delete a file in " + root, e);
            }
        }

        @Override
        Stream<String> keys() {
            if (!Files.isDirectory(root)) {
                return Stream.empty();
            }
            try {
                return Files.walk(root)
                        .filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().startsWith("."))
                        .map(file -> root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"));
            } catch (IOException e) {
                throw new FilesUnavailable("cannot list the files in " + root, e);
            }
        }

        /** Where the file of this key lies; only a key inside the area's folder has one. */
        Path path(String key) {
            Path path = root.resolve(checkKey(key)).normalize();
            if (!path.startsWith(root) || path.equals(root)) {
                throw new IllegalArgumentException("storage key outside the " + root.getFileName() + " folder");
            }
            return path;
        }

        /** Reads from the sender; a sender that fails is not the store's failure. */
        private static int read(InputStream content, byte[] chunk) {
            try {
                return content.read(chunk);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the file to store", e);
            }
        }

        private static void move(Path part, Path target) throws IOException {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private static void deleteQuietly(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the file was moved to its key, or the write failed already and that error is the one to report
            }
        }
    }
}

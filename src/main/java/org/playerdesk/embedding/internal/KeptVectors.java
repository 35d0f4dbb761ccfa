package org.playerdesk.embedding.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vectors of a fixed set of texts (a built-in training set) kept in a file of the node's data
 * folder between starts, so that a node embeds them once and not at every start. The file names the
 * model and holds a digest of the texts as the model read them (the glossary's words added), so a
 * new model, glossary or set of texts is noticed and the vectors made again. Vectors are stored as
 * they were made (four bytes a dimension), so a model trained on them is the same as one trained on
 * fresh ones. A file that cannot be read or written is only a cache missed: the texts are embedded
 * and the node goes on.
 */
final class KeptVectors {

    private static final Logger log = LoggerFactory.getLogger(KeptVectors.class);
    private static final int MAGIC = 0x50445631; // "PDV1"
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Path folder;

    /** {@code folder}: where the files are kept (made when first written). */
    KeptVectors(Path folder) {
        this.folder = folder;
    }

    /** The kept vectors of these inputs under this name, when the file matches model, size and texts. */
    Optional<List<float[]>> read(String name, String model, int dimensions, List<String> inputs) {
        Path file = file(name);
        byte[] digest = digest(model, dimensions, inputs);
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || !model.equals(in.readUTF()) || in.readInt() != dimensions
                    || in.readInt() != inputs.size()) {
                return Optional.empty();
            }
            byte[] kept = new byte[digest.length];
            in.readFully(kept);
            if (!Arrays.equals(kept, digest)) {
                return Optional.empty();
            }
            byte[] row = new byte[dimensions * Float.BYTES];
            List<float[]> vectors = new ArrayList<>(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                in.readFully(row);
                float[] vector = new float[dimensions];
                ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
                vectors.add(vector);
            }
            if (in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(vectors);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (EOFException e) {
            log.warn("Embedding: {} is cut short; its vectors are made again", file);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Embedding: {} could not be read ({}); its vectors are made again", file, e.toString());
            return Optional.empty();
        }
    }

    /** Keeps these vectors of these inputs under this name, replacing the file whole or not at all. */
    void write(String name, String model, int dimensions, List<String> inputs, List<float[]> vectors) {
        Path file = file(name);
        Path partial = null;
        try {
            Files.createDirectories(folder);
            partial = Files.createTempFile(folder, name, ".partial");
            try (OutputStream raw = Files.newOutputStream(partial);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeUTF(model);
                out.writeInt(dimensions);
                out.writeInt(inputs.size());
                out.write(digest(model, dimensions, inputs));
                ByteBuffer row = ByteBuffer.allocate(dimensions * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (float[] vector : vectors) {
                    if (vector.length != dimensions) {
                        throw new IllegalArgumentException("a vector of " + vector.length + " dimensions, not " + dimensions);
                    }
                    row.clear();
                    row.asFloatBuffer().put(vector);
                    out.write(row.array());
                }
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Embedding: the vectors of {} could not be kept in {} ({}); they will be made again at the next start",
                    name, folder, e.toString());
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the partial file is left; the next write replaces the kept one anyway
                }
            }
        }
    }

    Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a kept set's name is lower-case letters, digits and hyphens: " + name);
        }
        return folder.resolve(name + ".vectors");
    }

    private static byte[] digest(String model, int dimensions, List<String> inputs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((model + '\n' + dimensions + '\n' + inputs.size() + '\n').getBytes(StandardCharsets.UTF_8));
            for (String input : inputs) {
                byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package org.playerdesk.embedding;

import java.util.Arrays;
import java.util.List;

/**
 * Many vectors of one size held compactly for a search by brute force: one byte per dimension and
 * a scale per vector (its largest component maps to 127), all in one array, so an 896-wide vector
 * takes 900 bytes instead of 3.5 KB as floats. The query stays in floats; a similarity differs from
 * the exact dot product by a few thousandths at most (the rounding of each component is at most
 * half a step of its vector's scale, and the errors mostly cancel; {@code CompactVectorsTest}). A
 * search reads every vector once, and what bounds it is how many bytes it reads: a quarter of the
 * floats' bytes, in a loop the JIT turns into vector instructions (a byte-by-float product into a
 * scratch row, then eight running sums).
 */
public final class CompactVectors {

    private static final float LARGEST = 127f;

    private final int dimensions;
    private final byte[] values;
    private final float[] scales;

    private CompactVectors(int dimensions, byte[] values, float[] scales) {
        this.dimensions = dimensions;
        this.values = values;
        this.scales = scales;
    }

    /** The vectors in this order (all of the same size; none gives an empty table of that size). */
    public static CompactVectors of(List<float[]> vectors, int dimensions) {
        Builder builder = builder(dimensions, vectors.size());
        vectors.forEach(builder::add);
        return builder.build();
    }

    /**
     * A table made one vector at a time, each rounded to bytes as it comes, so that a large set
     * never needs its floats all at once; {@code expected} sizes the first array.
     */
    public static Builder builder(int dimensions, int expected) {
        return new Builder(dimensions, expected);
    }

    public static final class Builder {

        private final int dimensions;
        private byte[] values;
        private float[] scales;
        private int size;

        private Builder(int dimensions, int expected) {
            this.dimensions = dimensions;
            this.values = new byte[Math.multiplyExact(Math.max(1, expected), dimensions)];
            this.scales = new float[Math.max(1, expected)];
        }

        /** Adds a vector as the next row; returns its row. */
        public int add(float[] v) {
            if (v.length != dimensions) {
                throw new IllegalArgumentException("a vector of " + v.length + " dimensions among " + dimensions);
            }
            if (size == scales.length) {
                int grown = Math.multiplyExact(scales.length, 2);
                scales = Arrays.copyOf(scales, grown);
                values = Arrays.copyOf(values, Math.multiplyExact(grown, dimensions));
            }
            float largest = 0;
            for (float f : v) {
                largest = Math.max(largest, Math.abs(f));
            }
            float scale = largest / LARGEST;
            scales[size] = scale;
            if (scale != 0) { // a zero vector stays zero
                int offset = size * dimensions;
                for (int i = 0; i < dimensions; i++) {
                    values[offset + i] = (byte) Math.max(-LARGEST, Math.min(LARGEST, Math.round(v[i] / scale)));
                }
            }
            return size++;
        }

        public CompactVectors build() {
            return new CompactVectors(dimensions, size * dimensions == values.length ? values
                    : Arrays.copyOf(values, size * dimensions), size == scales.length ? scales : Arrays.copyOf(scales, size));
        }
    }

    public int size() {
        return scales.length;
    }

    public int dimensions() {
        return dimensions;
    }

    /** The dot product of the query with every vector, in their order, into {@code out}. */
    public void dots(float[] query, float[] out) {
        if (query.length != dimensions) {
            throw new IllegalArgumentException("a query of " + query.length + " dimensions against " + dimensions);
        }
        float[] products = new float[dimensions];
        int whole = dimensions & ~7;
        for (int row = 0, offset = 0; row < scales.length; row++, offset += dimensions) {
            for (int i = 0; i < dimensions; i++) {
                products[i] = query[i] * values[offset + i];
            }
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int i = 0; i < whole; i += 8) {
                s0 += products[i];
                s1 += products[i + 1];
                s2 += products[i + 2];
                s3 += products[i + 3];
                s4 += products[i + 4];
                s5 += products[i + 5];
                s6 += products[i + 6];
                s7 += products[i + 7];
            }
            for (int i = whole; i < dimensions; i++) {
                s0 += products[i];
            }
            out[row] = ((s0 + s1) + (s2 + s3) + ((s4 + s5) + (s6 + s7))) * scales[row];
        }
    }

    /** One row as the floats it was rounded from (within a byte's step of each). */
    public float[] row(int row) {
        float[] v = new float[dimensions];
        int offset = row * dimensions;
        for (int i = 0; i < dimensions; i++) {
            v[i] = values[offset + i] * scales[row];
        }
        return v;
    }

    /** How many bytes the vectors take. */
    public long bytes() {
        return values.length + 4L * scales.length;
    }
}

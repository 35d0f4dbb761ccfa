package org.playerdesk.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Arithmetic on the model's vectors, and their compact stored form (half-precision floats). */
public final class Vectors {

    private Vectors() {
    }

    /**
     * The dot product: the cosine similarity of two unit vectors, exact to a double's precision (a
     * scan of many vectors uses {@link CompactVectors}). Four running sums, not one: a single sum
     * waits for each addition before the next.
     */
    public static double dot(float[] a, float[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The vector scaled to unit length (a zero vector stays as it is). */
    public static float[] normalised(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm == 0) {
            return v.clone();
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** Two bytes per dimension (IEEE half precision, little-endian): a 512-wide vector in 1 KB. */
    public static byte[] toBytes(float[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            buffer.putShort(Float.floatToFloat16(f));
        }
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.float16ToFloat(buffer.getShort());
        }
        return v;
    }
}

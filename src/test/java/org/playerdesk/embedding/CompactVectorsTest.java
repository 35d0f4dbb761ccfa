package org.playerdesk.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CompactVectorsTest {

    private final Random random = new Random(20261206);

    /** Shaped like the models' vectors: two unit halves side by side, a few components far larger than the rest. */
    private float[] modelLike(int dimensions) {
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) random.nextGaussian() * (i % 97 == 3 ? 8 : 1);
        }
        int half = dimensions / 2;
        float[] a = Vectors.normalised(java.util.Arrays.copyOfRange(v, 0, half));
        float[] b = Vectors.normalised(java.util.Arrays.copyOfRange(v, half, dimensions));
        float[] joined = new float[dimensions];
        for (int i = 0; i < half; i++) {
            joined[i] = (float) (a[i] / Math.sqrt(2));
        }
        for (int i = half; i < dimensions; i++) {
            joined[i] = (float) (b[i - half] / Math.sqrt(2));
        }
        return joined;
    }

    @Test
    void everySimilarityIsWithinFiveThousandthsOfTheExactOneInAQuarterOfTheBytes() {
        int dimensions = 896;
        List<float[]> stored = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            stored.add(modelLike(dimensions));
        }
        CompactVectors compact = CompactVectors.of(stored, dimensions);
        assertThat(compact.size()).isEqualTo(2_000);
        assertThat(compact.bytes()).isEqualTo(2_000L * (dimensions + 4));

        float[] similarities = new float[compact.size()];
        double worst = 0;
        for (int q = 0; q < 20; q++) {
            // a query near a stored vector (as a question near its article), and one unrelated to all
            float[] query = q % 2 == 0 ? modelLike(dimensions) : nearby(stored.get(q), 0.3);
            compact.dots(query, similarities);
            for (int row = 0; row < stored.size(); row++) {
                double exact = Vectors.dot(query, stored.get(row));
                assertThat((double) similarities[row]).isCloseTo(exact, within(0.005));
                worst = Math.max(worst, Math.abs(similarities[row] - exact));
            }
        }
        System.out.printf("compact vectors: the largest difference from the exact similarity %.4f%n", worst);
        assertThat(worst).as("the bytes do round: not the floats themselves").isGreaterThan(0);
    }

    private float[] nearby(float[] v, double noise) {
        float[] near = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            near[i] = (float) (v[i] + random.nextGaussian() * noise / Math.sqrt(v.length));
        }
        return Vectors.normalised(near);
    }

    @Test
    void aSizeThatIsNoMultipleOfEightAndAZeroVectorAreComparedRight() {
        float[] a = { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5f };
        float[] zero = new float[13];
        float[] c = new float[13];
        c[12] = -1;
        CompactVectors compact = CompactVectors.of(List.of(a, zero, c), 13);
        float[] query = new float[13];
        query[0] = 0.6f;
        query[12] = 0.8f;
        float[] out = new float[3];
        compact.dots(query, out);
        assertThat(out[0]).isCloseTo(1.0f, within(0.01f)); // 0.6 + 0.4: the last, odd dimension counts
        assertThat(out[1]).isZero();
        assertThat(out[2]).isCloseTo(-0.8f, within(0.01f));
    }

    @Test
    void aTableBuiltOneVectorAtATimeGrowsPastWhatWasExpectedAndKeepsTheOrder() {
        CompactVectors.Builder builder = CompactVectors.builder(3, 1);
        assertThat(builder.add(new float[] { 1, 0, 0 })).isZero();
        assertThat(builder.add(new float[] { 0, 1, 0 })).isEqualTo(1);
        assertThat(builder.add(new float[] { 0, 0, -1 })).isEqualTo(2);
        CompactVectors compact = builder.build();
        assertThat(compact.size()).isEqualTo(3);
        assertThat(compact.bytes()).isEqualTo(3 * (3 + 4));
        float[] out = new float[3];
        compact.dots(new float[] { 0, 0.6f, 0.8f }, out);
        assertThat(out).containsExactly(new float[] { 0, 0.6f, -0.8f }, within(0.01f));
    }

    @Test
    void vectorsOfAnotherSizeAreRefused() {
        assertThatThrownBy(() -> CompactVectors.of(List.of(new float[4], new float[5]), 4))
                .isInstanceOf(IllegalArgumentException.class);
        CompactVectors compact = CompactVectors.of(List.of(), 4);
        assertThat(compact.size()).isZero();
        assertThatThrownBy(() -> compact.dots(new float[3], new float[0])).isInstanceOf(IllegalArgumentException.class);
    }
}

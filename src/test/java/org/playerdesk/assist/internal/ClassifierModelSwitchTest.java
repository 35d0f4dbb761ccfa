package org.playerdesk.assist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.playerdesk.embedding.TextEmbeddings;

@Tag("database-independent") // no database at all
class ClassifierModelSwitchTest {

    @Test
    void withItsModelTurnedOffTheRulesClassifyAndNothingIsEmbeddedThoughTheEmbeddingModelIsReady() {
        CountingEmbeddings embeddings = new CountingEmbeddings();
        TicketClassifier classifier = new TicketClassifier(embeddings, properties(false));

        String text = "充值了648一直没到账，钻石没到";
        assertThat(classifier.classify(UUID.randomUUID(), text)).isEqualTo(RuleSet.judge(text));
        assertThat(classifier.mood(text)).isEqualTo(MoodCues.judge(text));
        assertThat(classifier.learns()).as("no seed set trained").isFalse();
        assertThat(classifier.ready()).isFalse();
        assertThat(embeddings.texts).as("neither the seed set nor the ticket embedded").isZero();
    }

    private static AssistProperties properties(boolean classifierModel) {
        return new AssistProperties(0.9, 0.9, Duration.ofHours(1),
                new AssistProperties.ReplySuggestions("", "", "m", Duration.ofSeconds(1)), classifierModel);
    }

    /** A ready embedding model that counts what it is asked to embed. */
    static final class CountingEmbeddings implements TextEmbeddings {

        int texts;

        @Override
        public State state() {
            return State.READY;
        }

        @Override
        public String model() {
            return "counting";
        }

        @Override
        public int dimensions() {
            return 4;
        }

        @Override
        public Optional<float[]> embed(String text) {
            texts++;
            return Optional.of(new float[] { 1, 0, 0, 0 });
        }

        @Override
        public Optional<List<float[]>> embedAll(List<String> all) {
            texts += all.size();
            return Optional.of(all.stream().map(t -> new float[] { 1, 0, 0, 0 }).toList());
        }

        @Override
        public Optional<List<float[]>> embedAllKept(String name, List<String> all) {
            return embedAll(all);
        }
    }
}

package org.playerdesk.embedding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.playerdesk.embedding.Glossary;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.embedding.Vectors;
import org.springframework.boot.health.contributor.Health;

import dev.langchain4j.model.embedding.EmbeddingModel;

@Tag("database-independent") // no database at all
class ModelEmbeddingsTest {

    private final Glossary glossary = Glossary.read(new ByteArrayInputStream(
            "账号\taccount|acc\n被盗\thacked|stolen\n".getBytes(StandardCharsets.UTF_8)));
    private final EmbeddingConfiguration configuration = new EmbeddingConfiguration();

    @Test
    void aModelThatCannotLoadLeavesWordsAloneAndTheNodeDegradedNotDown() {
        ModelEmbeddings embeddings = new ModelEmbeddings(
                CompletableFuture.failedFuture(new UnsatisfiedLinkError("no onnxruntime for this platform")), glossary, 8);

        assertThat(embeddings.state()).isEqualTo(TextEmbeddings.State.FAILED);
        assertThat(embeddings.embed("账号被盗")).isEmpty();
        assertThat(embeddings.embedAll(List.of("a", "b"))).isEmpty();
        Health health = configuration.embeddingHealth(embeddings).health();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(health.getDetails()).containsEntry("fallback", "words alone");
    }

    @Test
    void whileLoadingAndWhenTurnedOffTheNodeIsUpAndSearchUsesWords() {
        ModelEmbeddings loading = new ModelEmbeddings(new CompletableFuture<>(), glossary, 8);
        ModelEmbeddings off = new ModelEmbeddings(null, glossary, 8);

        assertThat(loading.state()).isEqualTo(TextEmbeddings.State.LOADING);
        assertThat(loading.embed("x")).isEmpty();
        assertThat(configuration.embeddingHealth(loading).health().getStatus().getCode()).isEqualTo("UP");
        assertThat(off.state()).isEqualTo(TextEmbeddings.State.OFF);
        assertThat(off.embed("x")).isEmpty();
        assertThat(configuration.embeddingHealth(off).health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void theRealModelMakesUnitVectorsThatPutParaphrasesCloserThanOtherTopics() {
        CompletableFuture<EmbeddingModel> model = SharedModel.load();
        ModelEmbeddings embeddings = new ModelEmbeddings(model, Glossary.builtIn(), 8);
        model.join();

        float[] theft = embeddings.embed("我的账号被盗了，装备全没了").orElseThrow();
        float[] paraphrase = embeddings.embed("号被人登了，背包里的东西都不见了").orElseThrow();
        float[] payment = embeddings.embed("充值了钻石一直没有到账").orElseThrow();

        assertThat(theft).hasSize(embeddings.dimensions());
        assertThat(Vectors.dot(theft, theft)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Vectors.dot(theft, paraphrase)).isGreaterThan(Vectors.dot(theft, payment));
        // the same text twice is the same vector (the second from the recent ones)
        assertThat(embeddings.embed("我的账号被盗了，装备全没了").orElseThrow()).isSameAs(theft);
        assertThat(embeddings.embedAll(List.of("号被人登了，背包里的东西都不见了")).orElseThrow().get(0))
                .usingComparatorWithPrecision(1e-5f).containsExactly(paraphrase);
    }
}

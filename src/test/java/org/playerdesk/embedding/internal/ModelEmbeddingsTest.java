package org.playerdesk.embedding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.playerdesk.embedding.Glossary;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.embedding.Vectors;
import org.springframework.boot.health.contributor.Health;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

@Tag("database-independent") // no database at all
class ModelEmbeddingsTest {

    private final Glossary glossary = Glossary.read(new ByteArrayInputStream(
            "账号\taccount|acc\n被盗\thacked|stolen\n".getBytes(StandardCharsets.UTF_8)));
    private final EmbeddingConfiguration configuration = new EmbeddingConfiguration();
    @TempDir
    Path kept;

    @Test
    void aModelThatCannotLoadLeavesWordsAloneAndTheNodeDegradedNotDown() {
        ModelEmbeddings embeddings = new ModelEmbeddings(
                CompletableFuture.failedFuture(new UnsatisfiedLinkError("no onnxruntime for this platform")), glossary, 8, kept);

        assertThat(embeddings.state()).isEqualTo(TextEmbeddings.State.FAILED);
        assertThat(embeddings.embed("账号被盗")).isEmpty();
        assertThat(embeddings.embedAll(List.of("a", "b"))).isEmpty();
        Health health = configuration.embeddingHealth(embeddings).health();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(health.getDetails()).containsEntry("fallback", "words alone");
    }

    @Test
    void whileLoadingAndWhenTurnedOffTheNodeIsUpAndSearchUsesWords() {
        ModelEmbeddings loading = new ModelEmbeddings(new CompletableFuture<>(), glossary, 8, kept);
        ModelEmbeddings off = new ModelEmbeddings(null, glossary, 8, kept);

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
        ModelEmbeddings embeddings = new ModelEmbeddings(model, Glossary.builtIn(), 8, kept);
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
    @Test
    void aFixedSetIsEmbeddedOnceAndReadBackAtTheNextStartUntilItsTextsOrGlossaryChange() {
        CountingModel counting = new CountingModel();
        List<String> seed = List.of("账号被盗了", "充值没到账", "the game crashes");
        List<float[]> made = new ModelEmbeddings(CompletableFuture.completedFuture(counting), glossary, 0, kept)
                .embedAllKept("assist-seed", seed).orElseThrow();
        assertThat(counting.embedded).isEqualTo(3);
        assertThat(kept.resolve("assist-seed.vectors")).isRegularFile();

        ModelEmbeddings next = new ModelEmbeddings(CompletableFuture.completedFuture(counting), glossary, 0, kept);
        List<float[]> read = next.embedAllKept("assist-seed", seed).orElseThrow();
        assertThat(counting.embedded).as("nothing embedded at the next start").isEqualTo(3);
        assertThat(read).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(read.get(i)).as("the vector as it was made").containsExactly(made.get(i));
        }

        next.embedAllKept("assist-seed", List.of("账号被盗了", "充值没到账", "the game crashes", "闪退")).orElseThrow();
        assertThat(counting.embedded).as("a text added: the set made again").isEqualTo(7);
        Glossary another = Glossary.read(new ByteArrayInputStream("账号\taccount|acct\n".getBytes(StandardCharsets.UTF_8)));
        new ModelEmbeddings(CompletableFuture.completedFuture(counting), another, 0, kept).embedAllKept("assist-seed", seed)
                .orElseThrow();
        assertThat(counting.embedded).as("another glossary reads the texts otherwise").isEqualTo(10);
        new ModelEmbeddings(CompletableFuture.completedFuture(counting), another, 0, kept).embedAllKept("assist-seed", seed)
                .orElseThrow();
        assertThat(counting.embedded).isEqualTo(10);
    }

    @Test
    void aDamagedOrUnwritableFileIsOnlyACacheMissed() throws IOException {
        CountingModel counting = new CountingModel();
        List<String> seed = List.of("账号被盗了", "充值没到账");
        ModelEmbeddings embeddings = new ModelEmbeddings(CompletableFuture.completedFuture(counting), glossary, 0, kept);
        List<float[]> made = embeddings.embedAllKept("seed", seed).orElseThrow();
        Path file = kept.resolve("seed.vectors");
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, Arrays.copyOf(whole, whole.length - 5));
        assertThat(embeddings.embedAllKept("seed", seed).orElseThrow().get(1)).containsExactly(made.get(1));
        assertThat(counting.embedded).as("a file cut short: made again").isEqualTo(4);
        assertThat(Files.readAllBytes(file)).as("and kept whole again").isEqualTo(whole);

        Files.write(file, Arrays.copyOf(whole, whole.length + 1));
        embeddings.embedAllKept("seed", seed).orElseThrow();
        assertThat(counting.embedded).as("a file with more than the vectors: made again").isEqualTo(6);

        Files.writeString(file, "not vectors at all");
        embeddings.embedAllKept("seed", seed).orElseThrow();
        assertThat(counting.embedded).isEqualTo(8);

        KeptVectors vectors = new KeptVectors(kept);
        List<String> inputs = seed.stream().map(glossary::bridge).toList();
        assertThat(vectors.read("seed", SharedModel.NAME, SharedModel.DIMENSIONS, inputs)).isPresent();
        assertThat(vectors.read("seed", "another-model", SharedModel.DIMENSIONS, inputs))
                .as("another model's vectors are not these").isEmpty();

        Path notAFolder = kept.resolve("occupied");
        Files.writeString(notAFolder, "a file where the folder would be");
        ModelEmbeddings unwritable = new ModelEmbeddings(CompletableFuture.completedFuture(counting), glossary, 0,
                notAFolder);
        assertThat(unwritable.embedAllKept("seed", seed).orElseThrow()).hasSize(2);
        assertThat(unwritable.embedAllKept("seed", seed).orElseThrow()).hasSize(2);
        assertThat(counting.embedded).as("not kept, so made each time, and served").isEqualTo(12);
        assertThat(kept).isDirectoryNotContaining("glob:**.partial");
        assertThatThrownBy(() -> embeddings.embedAllKept("../outside", seed)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Vectors of the model's size made from each text's characters, counting the texts embedded. */
    static final class CountingModel implements EmbeddingModel {

        int embedded;

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            embedded += segments.size();
            return Response.from(segments.stream().map(s -> {
                float[] v = new float[SharedModel.DIMENSIONS];
                String text = s.text();
                for (int i = 0; i < text.length(); i++) {
                    v[(text.charAt(i) * 31 + i) % v.length] += 1;
                }
                return Embedding.from(v);
            }).toList());
        }

        @Override
        public int dimension() {
            return SharedModel.DIMENSIONS;
        }
    }
}

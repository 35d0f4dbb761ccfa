package org.playerdesk.embedding.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.playerdesk.embedding.Glossary;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.embedding.Vectors;
import org.playerdesk.system.PlayerDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * The model's vectors of texts, each text first {@linkplain Glossary#bridge bridged} to the other
 * language and cut to what the model reads at once (500 characters), the most recent kept at hand.
 * The model starts loading once the node accepts traffic: until then, and while it loads, the
 * state is {@link State#LOADING} and search and classification use words and rules.
 */
@Service
@EnableConfigurationProperties(EmbeddingProperties.class)
class ModelEmbeddings implements TextEmbeddings {

    static final int MAX_CHARACTERS = 500;

    private static final Logger log = LoggerFactory.getLogger(ModelEmbeddings.class);

    private final CompletableFuture<EmbeddingModel> model;
    private final Glossary glossary;
    private final Map<String, float[]> recent;
    private final KeptVectors kept;

    /** Kept vectors live in {@code <data-dir>/embedding}. */
    @org.springframework.beans.factory.annotation.Autowired
    ModelEmbeddings(EmbeddingProperties properties, Glossary glossary, PlayerDeskProperties playerdesk) {
        this(properties.enabled() ? SharedModel.model() : null, glossary, properties.cacheSize(),
                playerdesk.dataDir().resolve("embedding"));
    }

    /**
     * Loading the models takes about a core for seconds: on a small machine that would be taken
     * from the node's start-up, so they load once it is ready (the first time, in this process).
     */
    @EventListener
    void loadWhenReady(AvailabilityChangeEvent<ReadinessState> readiness) {
        if (model != null && readiness.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            SharedModel.load();
        }
    }

    /** {@code model}: null when turned off; {@code keptFolder}: where kept vectors live. */
    ModelEmbeddings(CompletableFuture<EmbeddingModel> model, Glossary glossary, int cacheSize, Path keptFolder) {
        this.model = model;
        this.glossary = glossary;
        this.kept = new KeptVectors(keptFolder);
        int size = Math.max(0, cacheSize);
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > size;
            }
        });
    }

    @Override
    public State state() {
        if (model == null) {
            return State.OFF;
        }
        if (!model.isDone()) {
            return State.LOADING;
        }
        return model.isCompletedExceptionally() ? State.FAILED : State.READY;
    }

    @Override
    public String model() {
        return SharedModel.NAME;
    }

    @Override
    public int dimensions() {
        return SharedModel.DIMENSIONS;
    }

    @Override
    public Optional<float[]> embed(String text) {
        if (!ready()) {
            return Optional.empty();
        }
        String input = input(text);
        float[] known = recent.get(input);
        if (known != null) {
            return Optional.of(known);
        }
        float[] vector = Vectors.normalised(model.join().embed(input).content().vector());
        recent.put(input, vector);
        return Optional.of(vector);
    }

    @Override
    public Optional<List<float[]>> embedAll(List<String> texts) {
        if (!ready()) {
            return Optional.empty();
        }
        return Optional.of(vectors(texts.stream().map(this::input).toList()));
    }

    @Override
    public Optional<List<float[]>> embedAllKept(String name, List<String> texts) {
        if (!ready()) {
            return Optional.empty();
        }
        List<String> inputs = texts.stream().map(this::input).toList();
        Optional<List<float[]>> known = kept.read(name, model(), dimensions(), inputs);
        if (known.isPresent()) {
            log.info("Embedding: {} vectors of {} read from {}", inputs.size(), name, kept.file(name));
            return known;
        }
        List<float[]> vectors = vectors(inputs);
        kept.write(name, model(), dimensions(), inputs, vectors);
        return Optional.of(vectors);
    }

    private List<float[]> vectors(List<String> inputs) {
        List<TextSegment> segments = inputs.stream().map(TextSegment::from).toList();
        List<float[]> vectors = new ArrayList<>(inputs.size());
        model.join().embedAll(segments).content().forEach(e -> vectors.add(Vectors.normalised(e.vector())));
        return vectors;
    }

    private String input(String text) {
        String plain = text == null || text.isBlank() ? "-" : text.strip();
        if (plain.length() > MAX_CHARACTERS) {
            plain = plain.substring(0, MAX_CHARACTERS);
        }
        return glossary.bridge(plain);
    }
}

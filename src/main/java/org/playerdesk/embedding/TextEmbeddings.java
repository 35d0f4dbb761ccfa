package org.playerdesk.embedding;

import java.util.List;
import java.util.Optional;

/**
 * Texts as unit-length vectors of the model, so that the dot product of two is their cosine
 * similarity. Empty while the model is still loading, when it is turned off
 * ({@code playerdesk.embedding.enabled=false}) or when it failed to load: callers then use words
 * alone.
 */
public interface TextEmbeddings {

    /** Where the model is. */
    enum State {
        LOADING, READY, OFF, FAILED
    }

    State state();

    default boolean ready() {
        return state() == State.READY;
    }

    /** The model's name and version, stored beside every vector so that a new model is noticed. */
    String model();

    /** The length of every vector. */
    int dimensions();

    /** The vector of a text (the {@link Glossary}'s bridge words added), or empty while the model is not ready. */
    Optional<float[]> embed(String text);

    /** The vectors of several texts in order, or empty while the model is not ready. */
    Optional<List<float[]>> embedAll(List<String> texts);

    /**
     * The vectors of a fixed set of texts (a built-in training set) in order, kept on the node's
     * disk under {@code name} (lower-case letters, digits and hyphens) between starts: the same
     * texts with the same model and glossary are read back rather than embedded again. Empty while
     * the model is not ready.
     */
    Optional<List<float[]>> embedAllKept(String name, List<String> texts);
}

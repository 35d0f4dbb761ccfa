package org.playerdesk.embedding.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.playerdesk.embedding.Glossary;
import org.playerdesk.embedding.TextEmbeddings;

/** The embedding model as the application has it, for tests that need vectors without a Spring context. */
public final class LoadedEmbeddings {

    private LoadedEmbeddings() {
    }

    /** The process's model (loaded once) with the built-in glossary, once it is ready; kept vectors under {@code target}. */
    public static TextEmbeddings ready() {
        return ready(Path.of("target", "embedding-kept"));
    }

    /** The same, its kept vectors ({@link TextEmbeddings#embedAllKept}) in this folder. */
    public static TextEmbeddings ready(Path keptFolder) {
        ModelEmbeddings embeddings = new ModelEmbeddings(SharedModel.load(), Glossary.builtIn(), 0, keptFolder);
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> embeddings.state() != TextEmbeddings.State.LOADING);
        if (!embeddings.ready()) {
            throw new IllegalStateException("the embedding model did not load: " + embeddings.state());
        }
        return embeddings;
    }
}

package org.playerdesk.embedding.internal;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.playerdesk.embedding.Glossary;
import org.playerdesk.embedding.TextEmbeddings;

/** The embedding model as the application has it, for tests that need vectors without a Spring context. */
public final class LoadedEmbeddings {

    private LoadedEmbeddings() {
    }

    /** The process's model (loaded once) with the built-in glossary, once it is ready. */
    public static TextEmbeddings ready() {
        ModelEmbeddings embeddings = new ModelEmbeddings(SharedModel.load(), Glossary.builtIn(), 0);
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> embeddings.state() != TextEmbeddings.State.LOADING);
        if (!embeddings.ready()) {
            throw new IllegalStateException("the embedding model did not load: " + embeddings.state());
        }
        return embeddings;
    }
}

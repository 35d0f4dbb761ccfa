package org.playerdesk.embedding.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.playerdesk.embedding.Vectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * The models, loaded once per process on a background thread (about 2 s of both cores on a quiet
 * machine, and some 150 MB outside the heap): they are immutable and safe to share, so every
 * application context of the process uses the same ones. A node asks for them once it is ready
 * ({@link ModelEmbeddings}), so that loading them does not take a core from its start-up. Two small BGE v1.5 models, Chinese (512 dimensions) and English (384), each
 * reading the same (bridged) text; a text's vector is the two unit vectors joined, each scaled by
 * 1/√2, so that the dot product of two texts' vectors is the mean of the two models' cosine
 * similarities. On the labeled questions the pair found the answering article among its first
 * three for 88.6 % of them against 82.1 % for the Chinese model alone and 77.9 % for the English
 * one (docs/knowledge.md, "Meaning").
 */
final class SharedModel {

    static final String NAME = "bge-small-zh+en-v1.5-q";
    static final int DIMENSIONS = 512 + 384;
    private static final float HALF = (float) Math.sqrt(0.5);

    private static final Logger log = LoggerFactory.getLogger(SharedModel.class);
    private static final CompletableFuture<EmbeddingModel> MODEL = new CompletableFuture<>();
    /** How long an exit waits for a loading under way (a few seconds on a quiet machine). */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(20);
    private static boolean loading;

    private SharedModel() {
    }

    /** The models, complete once {@link #load()} has loaded them (or failed to). */
    static CompletableFuture<EmbeddingModel> model() {
        return MODEL;
    }

    /** Starts loading the models on a background thread, the first time it is called. */
    static synchronized CompletableFuture<EmbeddingModel> load() {
        if (!loading) {
            loading = true;
            Thread thread = new Thread(() -> {
                long start = System.nanoTime();
                try {
                    keepNativeEnvironment();
                    EmbeddingModel loaded = new Pair(new BgeSmallZhV15QuantizedEmbeddingModel(),
                            new BgeSmallEnV15QuantizedEmbeddingModel());
                    loaded.embed("预热 warm-up");
                    log.info("Embedding: models {} loaded in {} ms", NAME, (System.nanoTime() - start) / 1_000_000);
                    MODEL.complete(loaded);
                } catch (Throwable e) {
                    log.warn("Embedding: models {} could not be loaded; search and classification use words alone: {}",
                            NAME, e.toString());
                    MODEL.completeExceptionally(e);
                }
            }, "embedding-model-load");
            thread.setDaemon(true);
            thread.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> finishLoading(thread), "embedding-model-exit"));
        }
        return MODEL;
    }

    /**
     * Lets a loading under way end before the process does (for {@link #EXIT_WAIT} at most): once
     * every shutdown hook has run, the JVM exits and the native library's own static objects are
     * destroyed, under a session that another thread is still creating (an exit while the models
     * load crashed with SIGSEGV now and then even with the environment kept, see
     * {@link #keepNativeEnvironment}).
     */
    private static void finishLoading(Thread loading) {
        try {
            loading.join(EXIT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * ONNX Runtime's Java binding frees its native environment in a shutdown hook of its own, which
     * the JVM runs beside every other hook: a session being created or run at that moment (a node
     * stopped while its models load, seconds after it became ready, or while it embeds a text) then
     * reads freed memory and the process dies with SIGSEGV in libonnxruntime. The native environment
     * counts its references; one more, never given back, keeps it until the process is gone. The
     * binding offers no public way to take one, so its own private entry points are used; where they
     * are missing (another version), the models load without it and the log says so.
     */
    static void keepNativeEnvironment() {
        try {
            OrtEnvironment.getEnvironment();
            Field api = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("ortApiHandle");
            api.setAccessible(true);
            Method handle = OrtEnvironment.class.getDeclaredMethod("createHandle", long.class, int.class, String.class);
            handle.setAccessible(true);
            handle.invoke(null, api.getLong(null), OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING.getValue(),
                    OrtEnvironment.DEFAULT_NAME);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.warn("Embedding: ONNX Runtime's environment could not be kept to the end of the process; a stop "
                    + "while the models load or embed may crash it: {}", e.toString());
        }
    }

    /** Both models' vectors of a text, joined. */
    record Pair(EmbeddingModel chinese, EmbeddingModel english) implements EmbeddingModel {

        @Override
        public dev.langchain4j.model.output.Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<Embedding> zh = chinese.embedAll(segments).content();
            List<Embedding> en = english.embedAll(segments).content();
            List<Embedding> joined = new java.util.ArrayList<>(segments.size());
            for (int i = 0; i < segments.size(); i++) {
                joined.add(Embedding.from(join(zh.get(i).vector(), en.get(i).vector())));
            }
            return dev.langchain4j.model.output.Response.from(joined);
        }

        @Override
        public int dimension() {
            return DIMENSIONS;
        }

        static float[] join(float[] zh, float[] en) {
            float[] a = Vectors.normalised(zh);
            float[] b = Vectors.normalised(en);
            float[] joined = new float[a.length + b.length];
            for (int i = 0; i < a.length; i++) {
                joined[i] = a[i] * HALF;
            }
            for (int i = 0; i < b.length; i++) {
                joined[a.length + i] = b[i] * HALF;
            }
            return joined;
        }
    }
}

package org.playerdesk.abuse;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Seeded generators for the abuse tests, and the loop that runs a test body once per try.
 *
 * <p>Try {@code i} of a test draws everything it sends from a generator seeded with
 * {@code base seed + i}, so a run is reproducible: the base seed is {@value #DEFAULT_SEED} unless
 * {@code -Dplayerdesk.fuzz.seed=<n>} says otherwise, and {@code -Dplayerdesk.fuzz.tries=<n>} makes every
 * test run {@code n} tries instead of its own number. A failing try is reported with its seed and
 * what it sent (abbreviated); {@code -Dplayerdesk.fuzz.seed=<that seed> -Dplayerdesk.fuzz.tries=1}
 * sends the same again. All tries run (up to {@value #MOST_FAILURES} failures), then every failure is
 * reported together.
 */
final class HostileInputs {

    static final long DEFAULT_SEED = 20_260_601L;
    static final String SEED_PROPERTY = "playerdesk.fuzz.seed";
    static final String TRIES_PROPERTY = "playerdesk.fuzz.tries";

    /** After this many failing tries a test stops trying: the report stays readable and the run short. */
    static final int MOST_FAILURES = 10;
    /** How much of a drawn value a report shows. */
    private static final int SHOWN = 160;
    /** Characters that sit at the edges of the character ranges, drawn now and then besides random ones. */
    private static final char[] EDGE_CHARACTERS = { '\u0000', ' ', '\u007f', '\u00ff', '\ud800', '\udbff',
            '\udc00', '\udfff', '\ufeff', '\ufffe', '\uffff' };

    private static final UUID REUSED_UUID = UUID.fromString("3f2b8c1e-9a4d-4e7b-8c55-0d1e2f3a4b5c");

    /** The body of one try: what it sends, drawn from its generator, and what it checks. */
    @FunctionalInterface
    interface Try {
        void run(HostileInputs random) throws Exception;
    }

    /** A choice with its weight, for {@link #frequency}. */
    record Weighted<T>(int weight, Supplier<? extends T> value) {
    }

    private final long seed;
    private final RandomGenerator random;
    private final Map<String, Object> inputs = new LinkedHashMap<>();

    HostileInputs(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    // --- running the tries ---

    static long baseSeed() {
        String value = System.getProperty(SEED_PROPERTY, "").strip();
        return value.isEmpty() ? DEFAULT_SEED : Long.decode(value);
    }

    static int tries(int tries) {
        String value = System.getProperty(TRIES_PROPERTY, "").strip();
        return value.isEmpty() ? tries : Integer.parseInt(value);
    }

    /**
     * Runs the body {@code tries} times (or as many as {@code -Dplayerdesk.fuzz.tries} says), each
     * time with a generator of its own seed, and fails with every failing try's seed and inputs.
     */
    static void forEachTry(int tries, Try body) {
        forEachTry(baseSeed(), tries(tries), body);
    }

    /** Runs the body {@code count} times, the first time with the seed {@code base}, then with the next ones. */
    static void forEachTry(long base, int count, Try body) {
        List<String> reports = new ArrayList<>();
        List<Throwable> causes = new ArrayList<>();
        int tried = 0;
        while (tried < count && causes.size() < MOST_FAILURES) {
            HostileInputs random = new HostileInputs(base + tried);
            try {
                body.run(random);
            } catch (VirtualMachineError error) {
                throw error;
            } catch (Throwable failure) {
                reports.add("try " + (tried + 1) + ", seed " + random.seed + ": " + random.describeInputs() + "\n    -> "
                        + failure.getClass().getName() + ": " + oneLine(failure.getMessage()));
                causes.add(failure);
            }
            tried++;
        }
        if (!causes.isEmpty()) {
            StringBuilder message = new StringBuilder().append(causes.size()).append(" of ").append(tried)
                    .append(" tries failed (base seed ").append(base);
            if (tried < count) {
                message.append("; stopped after ").append(MOST_FAILURES).append(" failures, ").append(count - tried)
                        .append(" tries not run");
            }
            message.append(")");
            reports.forEach(report -> message.append("\n  ").append(report));
            message.append("\n  to send one try again: -D").append(SEED_PROPERTY).append("=<its seed> -D")
                    .append(TRIES_PROPERTY).append("=1");
            AssertionError failed = new AssertionError(message.toString());
            causes.forEach(failed::addSuppressed);
            throw failed;
        }
    }

    /** Notes a drawn value under a name, for the report should the try fail, and returns it. */
    <T> T input(String name, T value) {
        inputs.put(name, value);
        return value;
    }

    long seed() {
        return seed;
    }

    // --- drawing ---

    boolean bool() {
        return random.nextBoolean();
    }

    /** True with the given probability. */
    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A number from {@code min} to {@code max}, both included; now and then exactly one of the two. */
    int between(int min, int max) {
        int edge = random.nextInt(20);
        if (edge == 0) {
            return min;
        }
        if (edge == 1) {
            return max;
        }
        return random.nextInt(min, max + 1);
    }

    @SafeVarargs
    final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    <T> T pickFrom(List<? extends T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of the suppliers, each as likely as the others, asked for its value. */
    @SafeVarargs
    final <T> T oneOf(Supplier<? extends T>... choices) {
        return choices[random.nextInt(choices.length)].get();
    }

    static <T> Weighted<T> weight(int weight, Supplier<? extends T> value) {
        return new Weighted<>(weight, value);
    }

    /** One of the choices, as likely as its weight among all, asked for its value. */
    @SafeVarargs
    final <T> T frequency(Weighted<? extends T>... choices) {
        int total = 0;
        for (Weighted<? extends T> choice : choices) {
            total += choice.weight();
        }
        int drawn = random.nextInt(total);
        for (Weighted<? extends T> choice : choices) {
            drawn -= choice.weight();
            if (drawn < 0) {
                return choice.value().get();
            }
        }
        throw new IllegalStateException("weights add up to " + total);
    }

    /** A value with the given probability, otherwise none. */
    <T> Optional<T> optional(double presence, Supplier<? extends T> value) {
        return chance(presence) ? Optional.of(value.get()) : Optional.empty();
    }

    <T> List<T> listOf(int minSize, int maxSize, Supplier<? extends T> element) {
        int size = between(minSize, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return List.copyOf(list);
    }

    /** A value that passes the filter (at most a thousand values are drawn). */
    <T> T filtered(Supplier<? extends T> value, Predicate<? super T> filter) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            T candidate = value.get();
            if (filter.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("a thousand values in a row did not pass the filter");
    }

    /** Text of the characters of the alphabet. */
    String string(int minLength, int maxLength, String alphabet) {
        int length = between(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Text of any UTF-16 code units, surrogates of either half and non-characters included. */
    String anyCharacters(int minLength, int maxLength) {
        int length = between(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10) == 0 ? EDGE_CHARACTERS[random.nextInt(EDGE_CHARACTERS.length)]
                    : (char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    byte[] bytes(int maxLength) {
        byte[] bytes = new byte[between(0, maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A random (version 4) UUID, new in each try. */
    UUID uuid() {
        return version4(random.nextLong(), random.nextLong());
    }

    /** A UUID that every try shares, as a client reusing one identifier would; fixed, so a try replays alike. */
    UUID reusedUuid() {
        return REUSED_UUID;
    }

    private static UUID version4(long high, long low) {
        return new UUID((high & ~0xf000L) | 0x4000L, (low & ~(0xc000L << 48)) | (0x8000L << 48));
    }

    // --- reporting ---

    private String describeInputs() {
        if (inputs.isEmpty()) {
            return "(nothing drawn)";
        }
        List<String> described = new ArrayList<>();
        inputs.forEach((name, value) -> described.add(name + "=" + describe(value)));
        return String.join(", ", described);
    }

    /** A drawn value as a report shows it: invisible characters escaped, long values abbreviated. */
    static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case String text -> "\"" + shown(text, true, SHOWN, "\"");
            case byte[] bytes -> bytes.length <= SHOWN / 2 ? "0x" + HexFormat.of().formatHex(bytes)
                    : "0x" + HexFormat.of().formatHex(bytes, 0, SHOWN / 2) + "... (" + bytes.length + " bytes)";
            case Optional<?> optional -> optional.map(HostileInputs::describe).orElse("(none)");
            case List<?> list -> "[" + String.join(", ", list.stream().map(HostileInputs::describe).toList()) + "]";
            case Map.Entry<?, ?> entry -> describe(entry.getKey()) + "=" + describe(entry.getValue());
            default -> shown(String.valueOf(value), false, SHOWN, "");
        };
    }

    /** The failure's message on one line, its invisible characters escaped, abbreviated. */
    private static String oneLine(String message) {
        return shown(message == null ? "" : message.strip().replaceAll("\\s+", " "), false, 2 * SHOWN, "");
    }

    /**
     * The text with its invisible characters (and, in quotes, quotes and backslashes) escaped, then
     * {@code end}; cut after about {@code limit} characters, with the text's length.
     */
    private static String shown(String text, boolean inQuotes, int limit, String end) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < limit; i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (inQuotes && (c == '"' || c == '\\')) {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.UNASSIGNED) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append(end);
        return i == text.length() ? out.toString() : out.append("... (").append(text.length()).append(" chars)").toString();
    }
}

package org.playerdesk.knowledge.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.playerdesk.knowledge.Audience;
import org.playerdesk.system.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A game's articles out and back in: a zip of Markdown files with front matter, or one CSV.
 * An import matches rows to articles by id (a row without an id, or with an id this game does
 * not have, makes a new article), says per row what it would do, and changes nothing at all
 * when a single row is wrong: a dry run and a real import give the same report.
 */
@Service
public class ArticleTransfer {

    static final List<String> COLUMNS = List.of("id", "locale", "audience", "category", "announcement", "published",
            "title", "body");
    static final int ROWS_MAX = 5000;
    static final long UNZIPPED_MAX = 50L * 1024 * 1024;
    private static final String BOM = "\uFEFF";

    /** What an import does, or would do, with one row. */
    public enum Action {
        CREATE, UPDATE, UNCHANGED, ERROR
    }

    /** One row of the report: where it came from, its title, what happens, and what is wrong with it. */
    public record RowReport(String source, String title, Action action, List<InvalidInput.FieldError> errors) {
    }

    /** The whole report; {@code applied} when the articles were changed. */
    public record Report(List<RowReport> rows, boolean applied) {

        public long count(Action action) {
            return rows.stream().filter(r -> r.action() == action).count();
        }

        public boolean hasErrors() {
            return count(Action.ERROR) > 0;
        }
    }

    /** One article as a file holds it. */
    record Row(String source, String id, String locale, String audience, String category, String announcement,
            String published, String title, String body) {
    }

    private final KnowledgeBase knowledge;
    private final ArticleRepository articles;
    private final CategoryRepository categories;

    ArticleTransfer(KnowledgeBase knowledge, ArticleRepository articles, CategoryRepository categories) {
        this.knowledge = knowledge;
        this.articles = articles;
        this.categories = categories;
    }

    // ---- export

    @Transactional(readOnly = true)
    public byte[] csv(UUID gameId) {
        StringBuilder out = new StringBuilder(BOM);
        out.append(String.join(",", COLUMNS)).append("\r\n");
        for (Article article : ordered(gameId)) {
            List<String> values = values(article);
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ",").append(csvField(values.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Transactional(readOnly = true)
    public byte[] zip(UUID gameId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Article article : ordered(gameId)) {
                zip.putNextEntry(new ZipEntry("articles/" + article.locale() + "/" + article.getId() + ".md"));
                List<String> values = values(article);
                StringBuilder file = new StringBuilder("---\n");
                for (int i = 0; i < COLUMNS.size() - 1; i++) {
                    file.append(COLUMNS.get(i)).append(": ").append(oneLine(values.get(i))).append('\n');
                }
                file.append("---\n").append(article.draftBody());
                if (!article.draftBody().endsWith("\n")) {
                    file.append('\n');
                }
                zip.write(file.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private List<Article> ordered(UUID gameId) {
        return knowledge.articles(gameId).stream()
                .sorted((a, b) -> a.getId().compareTo(b.getId())).toList();
    }

    private List<String> values(Article article) {
        String category = article.categoryId() == null ? ""
                : categories.findById(article.categoryId()).map(Category::name).orElse("");
        return List.of(article.getId().toString(), article.locale(), article.audience().code(), category,
                Boolean.toString(article.announcement()), Boolean.toString(article.published()), article.draftTitle(),
                article.draftBody());
    }

    // ---- import

    /** Reads a {@code .csv} or a {@code .zip} of {@code .md} files; anything else is refused (field {@code file}). */
    List<Row> read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw InvalidInput.of("file", "invalid.importFile");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zipped = content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3;
        if (zipped) {
            return readZip(content);
        }
        if (name.endsWith(".md")) {
            return List.of(markdownRow(fileName, new String(content, StandardCharsets.UTF_8)));
        }
        if (name.endsWith(".csv") || !name.contains(".")) {
            return readCsv(new String(content, StandardCharsets.UTF_8));
        }
        throw InvalidInput.of("file", "invalid.importFile");
    }

    private List<Row> readZip(byte[] content) {
        List<Row> rows = new ArrayList<>();
        long unzipped = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (entry.isDirectory() || !entry.getName().toLowerCase(Locale.ROOT).endsWith(".md")) {
                    continue;
                }
                byte[] file = readAtMost(zip, UNZIPPED_MAX - unzipped);
                unzipped += file.length;
                if (rows.size() >= ROWS_MAX) {
                    throw InvalidInput.of("file", "invalid.tooMany", ROWS_MAX);
                }
                rows.add(markdownRow(entry.getName(), new String(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw InvalidInput.of("file", "invalid.zip");
        }
        return rows;
    }

    private static byte[] readAtMost(InputStream in, long budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0;) {
            out.write(buffer, 0, n);
            if (out.size() > budget) {
                throw InvalidInput.of("file", "invalid.unzipped", UNZIPPED_MAX / (1024 * 1024));
            }
        }
        return out.toByteArray();
    }

    /** {@code ---}, {@code key: value} lines, {@code ---}, then the Markdown body. */
    static Row markdownRow(String source, String text) {
        String file = text.startsWith(BOM) ? text.substring(1) : text;
        file = file.replace("\r\n", "\n");
        Map<String, String> front = new LinkedHashMap<>();
        String body = file;
        if (file.startsWith("---\n")) {
            int end = file.indexOf("\n---\n", 3);
            int endAtEof = file.endsWith("\n---") ? file.length() - 4 : -1;
            int close = end >= 0 ? end : endAtEof;
            if (close >= 0) {
                for (String line : file.substring(4, close).split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        front.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                    }
                }
                body = end >= 0 ? file.substring(end + 5) : "";
            }
        }
        if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        return new Row(source, front.get("id"), front.get("locale"), front.get("audience"), front.get("category"),
                front.get("announcement"), front.get("published"), front.get("title"), body);
    }

    private static List<Row> readCsv(String text) {
        List<List<String>> records = parseCsv(text.startsWith(BOM) ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw InvalidInput.of("file", "invalid.csvEmpty");
        }
        List<String> header = records.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains("title") || !header.contains("body")) {
            throw InvalidInput.of("file", "invalid.csvHeader", String.join(",", COLUMNS));
        }
        if (records.size() - 1 > ROWS_MAX) {
            throw InvalidInput.of("file", "invalid.tooMany", ROWS_MAX);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> field = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                field.put(header.get(c), c < record.size() ? csvValue(record.get(c)) : null);
            }
            rows.add(new Row("line " + (r + 1), field.get("id"), field.get("locale"), field.get("audience"),
                    field.get("category"), field.get("announcement"), field.get("published"), field.get("title"),
                    field.get("body")));
        }
        return rows;
    }

    /** RFC 4180: commas, quotes doubled inside quoted fields, line breaks inside quotes kept. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
            }
        }
        if (any || field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /**
     * A field that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}
     * first) is written with a {@code '} in front, which the import takes off again.
     */
    private static String csvField(String value) {
        String text = value == null ? "" : value;
        if (formulaLike(text, 0)) {
            text = "'" + text;
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static boolean formulaLike(String text, int at) {
        return text.length() > at && "=+-@".indexOf(text.charAt(at)) >= 0;
    }

    private static String csvValue(String field) {
        return field != null && field.startsWith("'") && formulaLike(field, 1) ? field.substring(1) : field;
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ");
    }

    /**
     * Checks every row and, unless {@code dryRun} or a row is wrong, applies them all in this one
     * transaction (a failure on the way undoes every row).
     */
    @Transactional
    public Report importArticles(UUID gameId, String fileName, byte[] content, boolean dryRun, String by) {
        List<Row> rows = read(fileName, content);
        List<Planned> plan = new ArrayList<>();
        for (Row row : rows) {
            plan.add(plan(gameId, row));
        }
        List<RowReport> report = plan.stream().map(p -> new RowReport(p.row.source(), p.row.title(), p.action, p.errors))
                .toList();
        boolean wrong = plan.stream().anyMatch(p -> p.action == Action.ERROR);
        if (dryRun || wrong) {
            return new Report(report, false);
        }
        for (Planned p : plan) {
            apply(gameId, p, by);
        }
        return new Report(report, true);
    }

    private record Planned(Row row, Action action, List<InvalidInput.FieldError> errors, Article existing, ArticleDraft draft,
            String category, boolean publish) {
    }

    private Planned plan(UUID gameId, Row row) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String locale = row.locale() == null || row.locale().isBlank() ? "zh-CN" : row.locale().strip();
        if (!locale.equals("zh-CN") && !locale.equals("en")) {
            errors.add(new InvalidInput.FieldError("locale", "invalid.oneOf", "zh-CN, en"));
        }
        Boolean announcement = bool(row.announcement(), false, "announcement", errors);
        Boolean publish = bool(row.published(), true, "published", errors);
        String category = row.category() == null || row.category().isBlank() ? null : row.category().strip();
        if (category != null && category.length() > Category.NAME_MAX) {
            errors.add(new InvalidInput.FieldError("category", "invalid.tooLong", Category.NAME_MAX));
        }
        Article existing = null;
        if (row.id() != null && !row.id().isBlank()) {
            try {
                existing = articles.findById(UUID.fromString(row.id().strip()))
                        .filter(a -> a.gameId().equals(gameId)).orElse(null);
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("id", "invalid.id"));
            }
        }
        ArticleDraft draft = null;
        String related = existing == null ? "" : ArticleForm.of(existing).related();
        try {
            draft = new ArticleForm(locale, "", row.audience() == null || row.audience().isBlank() ? "public"
                    : row.audience().strip(), announcement, row.title(), row.body(), related).check();
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            return new Planned(row, Action.ERROR, errors, existing, null, category, false);
        }
        if (existing == null) {
            return new Planned(row, Action.CREATE, List.of(), null, draft, category, publish);
        }
        boolean same = existing.draftTitle().equals(draft.title()) && existing.draftBody().equals(draft.body())
                && existing.locale().equals(draft.locale()) && existing.audience() == draft.audience()
                && existing.announcement() == draft.announcement() && existing.published() == publish
                && (!publish || !existing.hasUnpublishedChanges())
                && Objects.equals(categoryName(existing), category);
        return new Planned(row, same ? Action.UNCHANGED : Action.UPDATE, List.of(), existing, draft, category, publish);
    }

    private String categoryName(Article article) {
        return article.categoryId() == null ? null
                : categories.findById(article.categoryId()).map(Category::name).orElse(null);
    }

    private void apply(UUID gameId, Planned p, String by) {
        if (p.action == Action.UNCHANGED) {
            return;
        }
        ArticleDraft d = p.draft;
        String categoryId = p.category == null ? "" : category(gameId, d.locale(), p.category).toString();
        ArticleForm form = new ArticleForm(d.locale(), categoryId, d.audience().code(), d.announcement(), d.title(),
                d.body(), String.join(" ", d.related().stream().map(UUID::toString).toList()));
        if (p.existing == null) {
            knowledge.create(gameId, form, by, p.publish);
        } else {
            knowledge.save(p.existing.getId(), form, by, p.publish);
            if (!p.publish && p.existing.published()) {
                knowledge.unpublish(p.existing.getId(), by);
            }
        }
    }

    private UUID category(UUID gameId, String locale, String name) {
        Optional<Category> found = categories.findByGameIdAndLocaleOrderByPositionAscNameAsc(gameId, locale).stream()
                .filter(c -> c.name().equals(name)).findFirst();
        return found.orElseGet(() -> knowledge.addCategory(gameId, locale, name)).getId();
    }

    private static Boolean bool(String value, boolean absent, String field, List<InvalidInput.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "是" -> true;
            case "false", "no", "0", "否" -> false;
            default -> {
                errors.add(new InvalidInput.FieldError(field, "invalid.oneOf", "true, false"));
                yield absent;
            }
        };
    }
}

package org.playerdesk.knowledge.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.playerdesk.system.errors.InvalidInput;

/**
 * The files articles travel in, read and written: one CSV (RFC 4180, UTF-8 with a byte-order
 * mark so that spreadsheets show Chinese) or a zip of Markdown files with YAML front matter
 * ({@code articles/<locale>/<id>.md}). What the rows mean is {@link ArticleTransfer}'s business.
 */
final class ArticleFiles {

    static final List<String> COLUMNS = List.of("id", "locale", "audience", "category", "announcement", "published",
            "title", "body");
    static final int ROWS_MAX = 5000;
    static final long UNZIPPED_MAX = 50L * 1024 * 1024;
    private static final String BOM = "\uFEFF";

    private static final CSVFormat CSV_OUT = CSVFormat.RFC4180;
    /** As spreadsheets write it, and forgiving where they are sloppy: text after a closing quote, an unclosed quote at the end. */
    private static final CSVFormat CSV_IN = CSVFormat.RFC4180.builder().setTrailingData(true).setLenientEof(true).get();
    /** Only the front matter matters here; the body is kept as written, so no other block is parsed. */
    private static final Parser FRONT_MATTER = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create()))
            .enabledBlockTypes(Set.of()).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    /** One article as a file holds it; {@code source} names the file or line it came from, or the zip entry it goes to. */
    record Row(String source, String id, String locale, String audience, String category, String announcement,
            String published, String title, String body) {

        /** The values in the order of {@link #COLUMNS}. */
        List<String> values() {
            return Arrays.asList(id, locale, audience, category, announcement, published, title, body);
        }
    }

    private ArticleFiles() {
    }

    // ---- writing

    static byte[] csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, CSV_OUT)) {
            printer.printRecord(COLUMNS);
            for (Row row : rows) {
                printer.printRecord(row.values().stream().map(ArticleFiles::csvField));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every row as the Markdown file named by its {@code source}. */
    static byte[] zip(List<Row> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Row row : rows) {
                zip.putNextEntry(new ZipEntry(row.source()));
                zip.write(markdown(row).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code ---}, one {@code key: value} line per column but the body, {@code ---}, then the body. */
    static String markdown(Row row) {
        List<String> values = row.values();
        StringBuilder file = new StringBuilder("---\n");
        for (int i = 0; i < COLUMNS.size() - 1; i++) {
            file.append(COLUMNS.get(i)).append(": ").append(frontMatterValue(values.get(i))).append('\n');
        }
        String body = row.body() == null ? "" : row.body();
        file.append("---\n").append(body);
        if (!body.endsWith("\n")) {
            file.append('\n');
        }
        return file.toString();
    }

    /**
     * One line, as it is unless the reader would take it for something else: a value in quotes
     * (which YAML takes off), a {@code |} (which starts a block) or leading spaces get double quotes.
     */
    private static String frontMatterValue(String value) {
        String line = value == null ? "" : value.replaceAll("[\\r\\n]+", " ");
        boolean misread = line.startsWith("\"") || line.startsWith("'") || line.equals("|") || line.startsWith(" ");
        return misread ? "\"" + line.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : line;
    }

    /**
     * A field that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}
     * first) is written with a {@code '} in front, which the import takes off again.
     */
    private static String csvField(String value) {
        String text = value == null ? "" : value;
        return formulaLike(text, 0) ? "'" + text : text;
    }

    private static boolean formulaLike(String text, int at) {
        return text.length() > at && "=+-@".indexOf(text.charAt(at)) >= 0;
    }

    private static String csvValue(String field) {
        return field != null && field.startsWith("'") && formulaLike(field, 1) ? field.substring(1) : field;
    }

    // ---- reading

    /** Reads a {@code .csv}, a {@code .md} or a {@code .zip} of {@code .md} files; anything else is refused (field {@code file}). */
    static List<Row> read(String fileName, byte[] content) {
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

    private static List<Row> readZip(byte[] content) {
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

    /**
     * The front matter's keys (in any case) and values, then the Markdown body as written. A file
     * whose front matter is never closed is all body.
     */
    static Row markdownRow(String source, String text) {
        String file = (text.startsWith(BOM) ? text.substring(1) : text).replace("\r\n", "\n");
        Map<String, String> front = new LinkedHashMap<>();
        String body = file;
        Node document = FRONT_MATTER.parse(file);
        if (document.getFirstChild() instanceof YamlFrontMatterBlock block && !block.getSourceSpans().isEmpty()) {
            SourceSpan last = block.getSourceSpans().getLast();
            int end = last.getInputIndex() + last.getLength();
            String closing = file.substring(last.getInputIndex(), end).strip();
            if (block.getSourceSpans().size() > 1 && (closing.equals("---") || closing.equals("..."))) {
                YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
                document.accept(visitor);
                visitor.getData().forEach((key, values) ->
                        front.put(key.toLowerCase(Locale.ROOT), String.join("\n", values).strip()));
                body = end < file.length() ? file.substring(end + 1) : "";
            }
        }
        if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        return new Row(source, front.get("id"), front.get("locale"), front.get("audience"), front.get("category"),
                front.get("announcement"), front.get("published"), front.get("title"), body);
    }

    /**
     * The first record names the columns (at least title and body, in any order and case); every
     * other record is an article, named by its record number, blank ones skipped.
     */
    static List<Row> readCsv(String text) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(text.startsWith(BOM) ? text.substring(1) : text, CSV_IN)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw InvalidInput.of("file", "invalid.csv");
        }
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
            CSVRecord record = records.get(r);
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
}

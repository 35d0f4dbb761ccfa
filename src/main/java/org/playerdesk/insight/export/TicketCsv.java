package org.playerdesk.insight.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVPrinter;
import org.playerdesk.access.PersonalData;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketRange;
import org.playerdesk.ticket.TicketRow;
import org.springframework.context.MessageSource;

/**
 * The CSV of an export as a stream that the file store reads: each time the store wants more
 * bytes, the next page of tickets is read from the database ({@link TicketQueries#rowsAfter},
 * {@value #PAGE} at a time), worded and handed over, so neither the tickets nor the file are ever
 * in memory whole. After each page the rows written so far are reported; a report that throws
 * (the job was taken by another node) stops the stream, and with it the file being stored.
 */
final class TicketCsv extends InputStream {

    static final int PAGE = 1_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] COLUMNS = {"number", "game", "created", "status", "type", "channel", "priority",
        "language", "player", "email", "assignee", "firstResponse", "resolved", "tags", "subject"};

    /** What the rows are worded with; the reader's language and games. */
    record Setting(Locale locale, Map<UUID, String> gameNames, Map<UUID, ZoneId> zones, boolean unmasked) {
    }

    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final StaffDirectory staff;
    private final PersonalData personalData;
    private final MessageSource messages;
    private final TicketRange range;
    private final Setting setting;
    private final LongConsumer progress;
    private final long progressEvery;

    private final Map<UUID, String> assignees = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, String> languages = new HashMap<>();
    private final StringBuilder text = new StringBuilder(256 * 1024);
    private final CSVPrinter printer;

    private byte[] buffer = new byte[0];
    private int position;
    private TicketRow last;
    private boolean started;
    private boolean ended;
    private long rows;
    private long reported;

    TicketCsv(TicketQueries tickets, PlayerDirectory players, StaffDirectory staff, PersonalData personalData,
            MessageSource messages, TicketRange range, Setting setting, LongConsumer progress, long progressEvery) {
        this.tickets = tickets;
        this.players = players;
        this.staff = staff;
        this.personalData = personalData;
        this.messages = messages;
        this.range = range;
        this.setting = setting;
        this.progress = progress;
        this.progressEvery = Math.max(1, progressEvery);
        try {
            this.printer = new CSVPrinter(text, CsvCells.FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many tickets have been written so far (all of them once the stream has ended). */
    long rows() {
        return rows;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == buffer.length) {
            if (ended) {
                return -1;
            }
            next();
        }
        int count = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, into, offset, count);
        position += count;
        return count;
    }

    /** Fills the buffer with the header (first) or the next page; marks the end when no ticket is left. */
    private void next() throws IOException {
        text.setLength(0);
        if (!started) {
            started = true;
            text.append(CsvCells.BOM);
            List<String> header = new ArrayList<>(COLUMNS.length);
            for (String column : COLUMNS) {
                header.add(CsvCells.guard(word("insight.tickets.column." + column)));
            }
            printer.printRecord(header);
        } else {
            List<TicketRow> page = tickets.rowsAfter(range, last, PAGE);
            if (page.isEmpty()) {
                ended = true;
                progress.accept(rows);
            } else {
                write(page);
                last = page.getLast();
                rows += page.size();
                if (rows - reported >= progressEvery || page.size() < PAGE) {
                    reported = rows;
                    progress.accept(rows);
                }
                if (page.size() < PAGE) {
                    ended = true;
                }
            }
        }
        buffer = text.toString().getBytes(StandardCharsets.UTF_8);
        position = 0;
    }

    private void write(List<TicketRow> page) throws IOException {
        Set<UUID> playerIds = page.stream().map(TicketRow::playerId).collect(Collectors.toSet());
        Map<UUID, PlayerSummary> found = players.byIds(playerIds);
        Set<UUID> unknownAssignees = page.stream().map(TicketRow::assigneeId)
                .filter(id -> id != null && !assignees.containsKey(id)).collect(Collectors.toSet());
        if (!unknownAssignees.isEmpty()) {
            Map<UUID, StaffMember> members = staff.byIds(unknownAssignees);
            for (UUID id : unknownAssignees) {
                StaffMember member = members.get(id);
                assignees.put(id, member == null ? "" : member.displayName());
            }
        }
        List<String> record = new ArrayList<>(COLUMNS.length);
        for (TicketRow row : page) {
            ZoneId zone = setting.zones().getOrDefault(row.gameId(), java.time.ZoneOffset.UTC);
            PlayerSummary player = found.get(row.playerId());
            String email = row.contactEmail() != null && !row.contactEmail().isBlank() ? row.contactEmail()
                    : player == null ? null : player.contactEmail();
            record.clear();
            record.add(Long.toString(row.number()));
            record.add(CsvCells.guard(setting.gameNames().get(row.gameId())));
            record.add(time(row.createdAt(), zone));
            record.add(label("ticket.status.", row.status()));
            record.add(label("ticket.type.", row.type()));
            record.add(label("ticket.channel.", row.channel()));
            record.add(label("ticket.priority.", row.priority()));
            record.add(language(row.language()));
            record.add(CsvCells.guard(player == null ? "" : player.nickname() == null ? player.accountId()
                    : player.nickname() + " (" + player.accountId() + ")"));
            record.add(CsvCells.guard(email == null ? "" : setting.unmasked() ? email : personalData.email(email)));
            record.add(CsvCells.guard(row.assigneeId() == null ? "" : assignees.get(row.assigneeId())));
            record.add(time(row.firstResponseAt(), zone));
            record.add(time(row.resolvedAt(), zone));
            record.add(CsvCells.guard(String.join(", ", row.tags())));
            record.add(CsvCells.guard(row.subject()));
            printer.printRecord(record);
        }
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    private <E extends Enum<E> & Coded> String label(String prefix, E value) {
        return labels.computeIfAbsent(prefix + value.code(), this::word);
    }

    /** A language by its name in the reader's language ({@code zh-CN}: 中文 (中国)); none: empty. */
    private String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        return languages.computeIfAbsent(tag, t -> {
            Locale language = Locale.forLanguageTag(t.replace('_', '-'));
            String name = language.getDisplayName(setting.locale());
            return CsvCells.guard(name.isBlank() ? t : name);
        });
    }

    private String word(String key) {
        return messages.getMessage(key, null, key, setting.locale());
    }
}

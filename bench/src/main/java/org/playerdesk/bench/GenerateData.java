package org.playerdesk.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a PlayerDesk database on PostgreSQL with a year of support work for one game: players,
 * tickets of every type and status with their conversations in Chinese and English, internal
 * notes, tags, metadata, assignees and history, plus 50 agents to work them. Rows go in with
 * COPY, in the order the foreign keys need, and obey every constraint of the schema; at the end
 * the game's ticket-number sequence continues after the last generated number.
 *
 * <pre>GenerateData --jdbc jdbc:postgresql://127.0.0.1:5432/db --user postgres --tickets 100000</pre>
 *
 * The game (default {@code demo}) and the agent whose password the bench agents share (default
 * {@code agent1}) must exist: start PlayerDesk once with {@code PLAYERDESK_DEMO=true} first.
 */
public final class GenerateData {

    static final int AGENTS = 50;
    static final String AGENT_PREFIX = "bench";
    private static final int CHUNK = 10_000;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSXXX");
    private static final List<String> STATUSES = List.of("new", "open", "pending_player", "pending_internal",
            "resolved", "closed");

    private final Connection db;
    private final CopyManager copy;
    private final SplittableRandom random;
    private final Instant now = Instant.now();
    private UUID gameId;
    private final List<Staff> agents = new ArrayList<>();
    private final List<Player> players = new ArrayList<>();

    record Staff(UUID id, String name) {
    }

    record Player(UUID id, String accountId, String name, String email) {
    }

    private GenerateData(Connection db, long seed) throws SQLException {
        this.db = db;
        this.copy = db.unwrap(PGConnection.class).getCopyAPI();
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        String jdbc = arguments.required("jdbc");
        int tickets = arguments.integer("tickets", 100_000);
        String game = arguments.text("game", "demo");
        try (Connection db = DriverManager.getConnection(jdbc, arguments.text("user", "postgres"),
                arguments.text("password", ""))) {
            db.setAutoCommit(true);
            long started = System.nanoTime();
            GenerateData generator = new GenerateData(db, arguments.integer("seed", 20261123));
            generator.prepare(game, arguments.text("password-of", "agent1"));
            generator.writePlayers(Math.max(1_000, tickets / 4));
            long last = generator.writeTickets(tickets);
            generator.continueNumbersAfter(last);
            generator.countDays();
            try (Statement statement = db.createStatement()) {
                statement.execute("analyze");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("generated %,d tickets in %.1f s (%,.0f tickets/s)%n", tickets, seconds, tickets / seconds);
            arguments.writeJson(Map.of("generation", Map.of("tickets", tickets, "players", generator.players.size(),
                    "agents", AGENTS, "seconds", Math.round(seconds * 10) / 10.0, "rows", generator.rowCounts())));
        }
    }

    /** Finds the game and enrols the bench agents (password: that of an existing agent). */
    private void prepare(String gameCode, String passwordOf) throws Exception {
        // the node answers UP before it has finished seeding the demo workspace
        for (int wait = 0; wait < 300 && !exists("select 1 from staff_account where username = ?", passwordOf); wait++) {
            Thread.sleep(1000);
        }
        gameId = single("select id from game where code = ?", gameCode, UUID.class);
        String passwordHash = single("select password_hash from staff_account where username = ?", passwordOf, String.class);
        String[] roles = { "agent_l1", "agent_l1", "agent_l1", "agent_l1", "agent_l2", "agent_l2", "agent_vip" };
        try (PreparedStatement staff = db.prepareStatement("insert into staff_account (id, username, display_name, "
                + "password_hash, role, locale, enabled, created_at) values (?, ?, ?, ?, ?, ?, true, ?) on conflict (username) do nothing");
                PreparedStatement serves = db.prepareStatement("insert into staff_game (staff_id, game_id) "
                        + "select id, ? from staff_account where username = ? on conflict do nothing")) {
            for (int i = 1; i <= AGENTS; i++) {
                String username = "%s%02d".formatted(AGENT_PREFIX, i);
                staff.setObject(1, uuidAt(now.minus(Duration.ofDays(400))));
                staff.setString(2, username);
                staff.setString(3, i % 3 == 0 ? "Agent %02d".formatted(i) : "客服%02d号".formatted(i));
                staff.setString(4, passwordHash);
                staff.setString(5, roles[i % roles.length]);
                staff.setString(6, i % 3 == 0 ? "en" : "zh-CN");
                staff.setObject(7, OffsetDateTime.ofInstant(now.minus(Duration.ofDays(400)), ZoneOffset.UTC));
                staff.addBatch();
                serves.setObject(1, gameId);
                serves.setString(2, username);
                serves.addBatch();
            }
            staff.executeBatch();
            serves.executeBatch();
        }
        try (PreparedStatement working = db.prepareStatement("select s.id, s.display_name from staff_account s "
                + "join staff_game g on g.staff_id = s.id where g.game_id = ? and s.role like 'agent%' order by s.username")) {
            working.setObject(1, gameId);
            try (ResultSet rows = working.executeQuery()) {
                while (rows.next()) {
                    agents.add(new Staff(rows.getObject(1, UUID.class), rows.getString(2)));
                }
            }
        }
    }

    private void writePlayers(int count) throws Exception {
        Rows rows = new Rows();
        for (int i = 0; i < count; i++) {
            String account = String.valueOf(20_000_000 + i);
            String nickname = Texts.pick(Texts.NICKNAMES, random) + (i % 1000);
            String email = random.nextInt(10) < 3 ? "player" + account + "@example.com" : null;
            Instant joined = now.minus(Duration.ofDays(400 + random.nextInt(600)));
            Player player = new Player(uuidAt(joined), account, nickname, email);
            players.add(player);
            rows.add(player.id(), gameId, account, nickname, "S" + (1 + random.nextInt(40)),
                    Texts.pick(Texts.ROLES, random), email, joined, now);
        }
        rows.copyInto(copy, "player (id, game_id, account_id, nickname, server, role_name, contact_email, created_at, updated_at)");
    }

    /** Tickets in the order they arrived over the past year; returns the last ticket number. */
    private long writeTickets(int count) throws Exception {
        Instant first = now.minus(Duration.ofDays(365));
        long span = Duration.between(first, now.minus(Duration.ofMinutes(10))).toMillis();
        long number = existingHighestNumber();
        for (int start = 0; start < count; start += CHUNK) {
            TicketRows chunk = new TicketRows();
            for (int i = start; i < Math.min(count, start + CHUNK); i++) {
                Instant createdAt = first.plusMillis(span * i / count + random.nextInt(1000));
                chunk.add(++number, createdAt);
            }
            chunk.copy();
            System.out.printf("  %,d tickets%n", Math.min(count, start + CHUNK));
        }
        return number;
    }

    /** The rows of a batch of tickets, written table by table in the order the foreign keys need. */
    private final class TicketRows {
        final Rows tickets = new Rows();
        final Rows messages = new Rows();
        final Rows history = new Rows();
        final Rows tags = new Rows();
        final Rows metadata = new Rows();

        void add(long number, Instant createdAt) {
            // a few players write often: pick with a skew towards the first players
            double skew = random.nextDouble();
            Player player = players.get((int) (players.size() * skew * skew));
            String type = Texts.pick(Texts.TYPES, random);
            Texts.Topic topic = Texts.TOPICS.get(type);
            boolean chinese = random.nextInt(10) < 6;
            String status = status(Duration.between(createdAt, now));
            int priority = weighted(10, 65, 20, 5);
            String channel = List.of("in_game", "web", "chat", "email", "phone", "social").get(weighted(55, 20, 10, 8, 2, 5));
            // taking a new ticket opens it, so new tickets have nobody yet; a few open ones neither
            Staff assignee = status.equals("new") || status.equals("open") && random.nextInt(10) == 0 ? null
                    : Texts.pick(agents, random);
            UUID id = uuidAt(createdAt);
            Story story = new Story(id, createdAt, player);

            story.message("public", "player", player.id(), player.name(),
                    Texts.pick(chinese ? topic.bodiesZh() : topic.bodiesEn(), random));
            story.history("created", null, "new", "player", player.id(), player.name());
            story.history("reply", null, null, "player", player.id(), player.name());
            Instant firstResponse = null;
            Instant resolvedAt = null;
            Instant closedAt = null;
            String current = "new";
            if (assignee != null) {
                story.history("assignee", null, assignee.id().toString(), "agent", assignee.id(), assignee.name());
                if (!status.equals("new")) {
                    current = story.status(current, "open", assignee);
                }
            }
            if (!status.equals("new")) {
                Staff agent = assignee != null ? assignee : Texts.pick(agents, random);
                int rounds = random.nextInt(3);
                for (int round = 0; round <= rounds; round++) {
                    story.message("public", "agent", agent.id(), agent.name(),
                            Texts.pick(chinese ? Texts.AGENT_REPLIES_ZH : Texts.AGENT_REPLIES_EN, random));
                    story.history("reply", null, null, "agent", agent.id(), agent.name());
                    if (firstResponse == null) {
                        firstResponse = story.at;
                    }
                    current = story.status(current, "open", agent);
                    if (round < rounds) {
                        story.message("public", "player", player.id(), player.name(),
                                Texts.pick(chinese ? Texts.PLAYER_FOLLOW_UPS_ZH : Texts.PLAYER_FOLLOW_UPS_EN, random));
                        story.history("reply", null, null, "player", player.id(), player.name());
                    }
                }
                if (random.nextInt(4) == 0) {
                    story.message("internal", "agent", agent.id(), agent.name(), Texts.pick(Texts.NOTES, random));
                    story.history("note", null, null, "agent", agent.id(), agent.name());
                }
                switch (status) {
                    case "pending_player", "pending_internal" -> current = story.status(current, status, agent);
                    case "resolved", "closed" -> {
                        current = story.status(current, "resolved", agent);
                        resolvedAt = story.at;
                        if (status.equals("closed")) {
                            current = story.status(current, "closed", null);
                            closedAt = story.at;
                        }
                    }
                    default -> {
                    }
                }
                if (random.nextInt(20) == 0) {
                    String from = List.of("low", "normal", "high", "urgent").get(priority);
                    priority = Math.min(3, priority + 1);
                    story.history("priority", from, List.of("low", "normal", "high", "urgent").get(priority), "agent",
                            agent.id(), agent.name());
                }
            }
            int tagCount = weighted(50, 30, 15, 5);
            List<String> chosen = new ArrayList<>();
            while (chosen.size() < tagCount) {
                String tag = Texts.pick(Texts.TAGS, random);
                if (!chosen.contains(tag)) {
                    chosen.add(tag);
                    tags.add(id, tag);
                }
            }
            metadata.add(id, "clientVersion", "2." + random.nextInt(6) + "." + random.nextInt(10));
            metadata.add(id, "device", Texts.pick(Texts.DEVICES, random));
            if (random.nextBoolean()) {
                metadata.add(id, "zone", Texts.pick(Texts.ZONES, random));
            }
            String tokenHash = channel.equals("web") ? HexFormat.of().formatHex(randomBytes(32)) : null;
            String subject = Texts.pick(chinese ? topic.subjectsZh() : topic.subjectsEn(), random);
            tickets.add(id, gameId, number, player.id(), subject, type, channel,
                    List.of("low", "normal", "high", "urgent").get(priority), priority, current,
                    assignee == null ? null : assignee.id(), player.email(), tokenHash, createdAt, story.at,
                    firstResponse, resolvedAt, closedAt, story.changes);
            messages.append(story.messages);
            history.append(story.history);
        }

        void copy() throws Exception {
            tickets.copyInto(GenerateData.this.copy, "ticket (id, game_id, number, player_id, subject, type, channel, "
                    + "priority, priority_rank, status, assignee_id, contact_email, access_token_hash, created_at, "
                    + "updated_at, first_response_at, resolved_at, closed_at, version)");
            messages.copyInto(GenerateData.this.copy,
                    "ticket_message (id, ticket_id, visibility, author_kind, author_id, author_name, body, created_at)");
            history.copyInto(GenerateData.this.copy, "ticket_history (id, ticket_id, action, old_value, new_value, "
                    + "actor_kind, actor_id, actor_name, created_at)");
            tags.copyInto(GenerateData.this.copy, "ticket_tag (ticket_id, tag)");
            metadata.copyInto(GenerateData.this.copy, "ticket_metadata (ticket_id, entry_key, entry_value)");
        }
    }

    /** One ticket's life, event after event, each a little later than the one before (never after now). */
    private final class Story {
        final UUID ticketId;
        final Rows messages = new Rows();
        final Rows history = new Rows();
        Instant at;
        long changes;
        final long step;

        Story(UUID ticketId, Instant createdAt, Player player) {
            this.ticketId = ticketId;
            this.at = createdAt;
            // recent tickets have had less time for their story
            long room = Duration.between(createdAt, now).toMillis();
            this.step = Math.max(1, Math.min(Duration.ofHours(3).toMillis(), room / 16));
        }

        void message(String visibility, String kind, UUID authorId, String author, String body) {
            advance();
            messages.add(uuidAt(at), ticketId, visibility, kind, authorId, author, body, at);
        }

        void history(String action, String oldValue, String newValue, String kind, UUID actorId, String actor) {
            history.add(uuidAt(at), ticketId, action, oldValue, newValue, kind, actorId, actor, at);
            changes++;
        }

        String status(String current, String next, Staff by) {
            if (current.equals(next)) {
                return current;
            }
            advance();
            if (by == null) {
                history("status", current, next, "system", null, "PlayerDesk");
            } else {
                history("status", current, next, "agent", by.id(), by.name());
            }
            return next;
        }

        private void advance() {
            at = at.plusMillis(1 + random.nextLong(step));
        }
    }

    /** Older tickets are mostly closed; the last days hold the open work. */
    private String status(Duration age) {
        if (age.toHours() < 24) {
            return STATUSES.get(weighted(35, 30, 15, 10, 10, 0));
        }
        if (age.toDays() < 7) {
            return STATUSES.get(weighted(5, 15, 15, 10, 35, 20));
        }
        return STATUSES.get(weighted(2, 8, 5, 5, 30, 950));
    }

    private int weighted(int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private long existingHighestNumber() throws SQLException {
        return single("select coalesce(max(number), 0) from ticket where game_id = ?", gameId, Long.class);
    }

    /**
     * The next ticket PlayerDesk opens for this game gets the number after the last one here
     * (the sequence is the one TicketNumbers uses: {@code ticket_number_<game id as hex>}).
     */
    private void continueNumbersAfter(long last) throws SQLException {
        String sequence = "ticket_number_" + gameId.toString().replace("-", "");
        try (Statement statement = db.createStatement()) {
            statement.execute("create sequence if not exists " + sequence + " start with 1");
            statement.execute("select setval('" + sequence + "', " + last + ")");
        }
    }

    /** The insight module's daily counters, as its listeners would have kept them. */
    private void countDays() throws SQLException {
        try (PreparedStatement counts = db.prepareStatement("""
                insert into ticket_daily_count (game_id, count_day, metric, total)
                select ?, day, metric, n from (
                    select (created_at at time zone 'UTC')::date as day, 'CREATED' as metric, count(*) as n
                      from ticket where game_id = ? group by 1
                    union all
                    select (resolved_at at time zone 'UTC')::date, 'RESOLVED', count(*)
                      from ticket where game_id = ? and resolved_at is not null group by 1
                    union all
                    select (m.created_at at time zone 'UTC')::date,
                           case m.author_kind when 'player' then 'PLAYER_REPLIES' else 'AGENT_REPLIES' end, count(*)
                      from ticket_message m join ticket t on t.id = m.ticket_id
                     where t.game_id = ? and m.visibility = 'public' group by 1, 2
                ) daily
                on conflict (game_id, count_day, metric) do update set total = excluded.total""")) {
            for (int i = 1; i <= 4; i++) {
                counts.setObject(i, gameId);
            }
            counts.executeUpdate();
        }
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : List.of("player", "ticket", "ticket_message", "ticket_history", "ticket_tag", "ticket_metadata")) {
            try (Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                rows.next();
                counts.put(table, rows.getLong(1));
            }
        }
        return counts;
    }

    private boolean exists(String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private <T> T single(String sql, Object parameter, Class<T> type) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("not found: " + sql + " with " + parameter
                            + " (start PlayerDesk once with PLAYERDESK_DEMO=true)");
                }
                return rows.getObject(1, type);
            }
        }
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A version-7 UUID for a moment, as PlayerDesk makes them: ids of rows written together stay in order. */
    private UUID uuidAt(Instant at) {
        long msb = (at.toEpochMilli() << 16) | 0x7000L | random.nextInt(0x1000);
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Rows in PostgreSQL's COPY text format. */
    static final class Rows {
        private final StringBuilder text = new StringBuilder(1 << 16);

        void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object value = values[i];
                if (value == null) {
                    text.append("\\N");
                } else if (value instanceof Instant instant) {
                    text.append(TIMESTAMP.format(instant.atOffset(ZoneOffset.UTC)));
                } else {
                    escape(value.toString());
                }
            }
            text.append('\n');
        }

        void append(Rows other) {
            text.append(other.text);
        }

        private void escape(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }

        void copyInto(CopyManager copy, String table) throws Exception {
            if (!text.isEmpty()) {
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                copy.copyIn("copy " + table + " from stdin", new java.io.ByteArrayInputStream(bytes));
                text.setLength(0);
            }
        }
    }
}

package org.playerdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the soak checks once the load has stopped and the nodes have settled, in the database and
 * through each node directly (not through the balancer): every acknowledged ticket, message and
 * attachment exists once and reads the same through either node; every chat line reached the
 * other side or its ticket, and is on the ticket once; every event publication completed; every
 * service-level warning and breach fired once, none missed; automation ran once per event; no
 * request sent after the balancer noticed the dead node failed.
 */
final class SoakChecks {

    /** One check: passed or not, its figures, and a few examples of what failed. */
    record Check(String name, boolean passed, Map<String, Object> figures, List<String> failures) {
    }

    /** A ticket made old on purpose, for a time rule to act on during the run. */
    record Aging(UUID ticket, String rule, Instant due) {
    }

    private static final Pattern MARKER = Pattern.compile("\\[soak-[a-z]+[0-9-]*[a-z]?[0-9]*\\]");
    private static final int EXAMPLES = 10;

    private final Connection db;
    private final UUID game;
    private final String gameCode;
    private final String apiKey;
    private final List<SoakNode> nodes;
    private final Acknowledged acknowledged;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, List<UUID>> ticketsByMarker = new HashMap<>();
    private final Map<String, Integer> messageMarkers = new HashMap<>();

    SoakChecks(Connection db, UUID game, String gameCode, String apiKey, List<SoakNode> nodes,
            Acknowledged acknowledged) {
        this.db = db;
        this.game = game;
        this.gameCode = gameCode;
        this.apiKey = apiKey;
        this.nodes = nodes;
        this.acknowledged = acknowledged;
    }

    List<Check> checks() {
        return checks;
    }

    // ---- tickets, messages, attachments -------------------------------------------------------------------

    /** Reads the soak's tickets and marked messages once, for the checks below. */
    void load() throws SQLException {
        for (Object[] row : rows("select subject, id from ticket where game_id = ? and subject like '[soak-%'", game)) {
            Matcher marker = MARKER.matcher((String) row[0]);
            if (marker.lookingAt()) {
                ticketsByMarker.computeIfAbsent(marker.group(), m -> new ArrayList<>()).add((UUID) row[1]);
            }
        }
        for (Object[] row : rows("select m.body from ticket_message m join ticket t on t.id = m.ticket_id "
                + "where t.game_id = ? and m.body like '%[soak-%'", game)) {
            Matcher marker = MARKER.matcher((String) row[0]);
            while (marker.find()) {
                messageMarkers.merge(marker.group(), 1, Integer::sum);
            }
        }
    }

    void tickets(String via, String name) throws SQLException {
        List<Acknowledged.Ticket> acked = acknowledged.tickets(via);
        Map<String, UUID> byKey = new HashMap<>();
        if (via.equals("api")) {
            for (Object[] row : rows("select idem_key, ticket_id from api_idempotency where game_id = ? "
                    + "and idem_key like 'soak-%'", game)) {
                byKey.put((String) row[0], (UUID) row[1]);
            }
        }
        List<String> failures = new ArrayList<>();
        int once = 0;
        for (Acknowledged.Ticket ticket : acked) {
            List<UUID> found = ticketsByMarker.getOrDefault(ticket.marker(), List.of());
            if (found.size() != 1) {
                failures.add(ticket.marker() + ": " + found.size() + " tickets");
            } else if (ticket.id() != null && !found.getFirst().equals(ticket.id())) {
                failures.add(ticket.marker() + ": acknowledged as " + ticket.id() + ", stored as " + found.getFirst());
            } else if (ticket.key() != null && !found.getFirst().equals(byKey.get(ticket.key()))) {
                failures.add(ticket.marker() + ": its Idempotency-Key leads to " + byKey.get(ticket.key()));
            } else {
                once++;
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("acknowledged", acked.size());
        figures.put("storedOnce", once);
        unanswered(via.equals("api") ? "api ticket" : "help ticket", ticketsByMarker, figures, failures);
        checks.add(new Check(name, failures.isEmpty(), figures, examples(failures)));
    }

    /** Sent without an answer: how many were stored all the same; none may be stored twice. */
    private void unanswered(String what, Map<String, ? extends Collection<?>> found, Map<String, Object> figures,
            List<String> failures) {
        int unanswered = 0;
        int stored = 0;
        for (Acknowledged.Unanswered sent : acknowledged.unanswered) {
            if (sent.what().equals(what)) {
                unanswered++;
                int copies = found.containsKey(sent.marker()) ? found.get(sent.marker()).size() : 0;
                stored += copies > 0 ? 1 : 0;
                if (copies > 1) {
                    failures.add(sent.marker() + " (sent without an answer): stored " + copies + " times");
                }
            }
        }
        figures.put("sentWithoutAnswer", unanswered);
        figures.put("ofWhichStoredAnyway", stored);
    }

    void messages() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> byVia = new LinkedHashMap<>();
        int once = 0;
        for (Acknowledged.Message message : acknowledged.messages) {
            byVia.merge(message.via(), 1, Integer::sum);
            int copies = messageMarkers.getOrDefault(message.marker(), 0);
            if (copies != 1) {
                failures.add(message.via() + " " + message.marker() + " on " + message.ticket() + ": stored " + copies
                        + " times");
            } else {
                once++;
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("acknowledged", byVia);
        figures.put("storedOnce", once);
        Map<String, List<Integer>> found = new HashMap<>();
        messageMarkers.forEach((marker, copies) -> found.put(marker, Collections.nCopies(copies, 1)));
        unanswered("console reply", found, figures, failures);
        Map<String, Object> followUps = new LinkedHashMap<>();
        unanswered("api follow-up", found, followUps, failures);
        figures.put("followUps", followUps);
        checks.add(new Check("every acknowledged reply and follow-up is stored once", failures.isEmpty(), figures,
                examples(failures)));
    }

    /**
     * Every acknowledged ticket read through the game API of each node: there, with its subject
     * and every acknowledged message; every help-center file downloaded from each node through
     * the ticket's private link, byte for byte what was sent.
     */
    void readableThroughEitherNode(Map<UUID, List<String>> chatLineMarkers) throws Exception {
        Map<UUID, List<String>> expected = new HashMap<>();
        Map<UUID, String> subjects = new HashMap<>();
        for (Acknowledged.Ticket ticket : acknowledged.tickets) {
            List<UUID> found = ticketsByMarker.getOrDefault(ticket.marker(), List.of());
            if (found.size() == 1) {
                expected.computeIfAbsent(found.getFirst(), id -> new ArrayList<>());
                subjects.put(found.getFirst(), ticket.marker());
            }
        }
        for (Acknowledged.Message message : acknowledged.messages) {
            expected.computeIfAbsent(message.ticket(), id -> new ArrayList<>()).add(message.marker());
        }
        chatLineMarkers.forEach((ticket, markers) -> expected.computeIfAbsent(ticket, id -> new ArrayList<>())
                .addAll(markers));
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong reads = new AtomicLong();
        inParallel(expected.entrySet(), entry -> {
            for (SoakNode node : nodes) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/tickets/"
                        + entry.getKey())).header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(30))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                reads.incrementAndGet();
                if (answer.statusCode() != 200) {
                    failures.add(entry.getKey() + " through node " + node.name() + ": " + answer.statusCode());
                    continue;
                }
                JsonNode ticket = Arguments.JSON.readTree(answer.body());
                String subject = subjects.get(entry.getKey());
                if (subject != null && !ticket.path("subject").asText().startsWith(subject)) {
                    failures.add(entry.getKey() + " through node " + node.name() + ": subject " + ticket.path("subject"));
                }
                StringBuilder bodies = new StringBuilder();
                ticket.path("messages").forEach(m -> bodies.append(m.path("body").asText()).append('\n'));
                for (String marker : entry.getValue()) {
                    if (bodies.indexOf(marker) < 0) {
                        failures.add(entry.getKey() + " through node " + node.name() + ": no message " + marker);
                    }
                }
            }
        });
        AtomicLong files = new AtomicLong();
        Pattern link = Pattern.compile("/help/" + Pattern.quote(gameCode) + "/t/[^/\"]+/attachments/([0-9a-f-]{36})");
        inParallel(List.copyOf(acknowledged.attachments), file -> {
            for (SoakNode node : nodes) {
                String path = "/help/" + gameCode + "/t/" + file.token();
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(node.base() + path))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                Matcher attachment = link.matcher(page.body());
                if (page.statusCode() != 200 || !attachment.find()) {
                    failures.add(file.ticketMarker() + " private link through node " + node.name() + ": "
                            + page.statusCode() + (page.statusCode() == 200 ? ", no attachment on the page" : ""));
                    continue;
                }
                HttpResponse<byte[]> content = http.send(HttpRequest.newBuilder(URI.create(node.base() + path
                        + "/attachments/" + attachment.group(1))).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (content.statusCode() != 200 || !HelpCenterPlayers.sha256(content.body()).equals(file.sha256())) {
                    failures.add(file.ticketMarker() + " file through node " + node.name() + ": " + content.statusCode()
                            + ", " + content.body().length + " of " + file.size() + " bytes, "
                            + (content.statusCode() == 200 ? "content differs" : ""));
                } else {
                    files.incrementAndGet();
                }
            }
        });
        // and the attachment rows: one per file, with the sent file's name and checksum
        Map<String, List<Object[]>> rowsByMarker = new HashMap<>();
        for (Object[] row : rows("select t.subject, a.file_name, a.sha256, a.size_bytes from ticket_attachment a "
                + "join ticket t on t.id = a.ticket_id where t.game_id = ? and t.subject like '[soak-h%'", game)) {
            Matcher marker = MARKER.matcher((String) row[0]);
            if (marker.lookingAt()) {
                rowsByMarker.computeIfAbsent(marker.group(), m -> new ArrayList<>()).add(row);
            }
        }
        for (Acknowledged.Attachment file : acknowledged.attachments) {
            List<Object[]> stored = rowsByMarker.getOrDefault(file.ticketMarker(), List.of());
            if (stored.size() != 1 || !file.sha256().equals(stored.getFirst()[2])
                    || !file.fileName().equals(stored.getFirst()[1])) {
                failures.add(file.ticketMarker() + ": " + stored.size() + " attachment rows");
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("tickets", expected.size());
        figures.put("apiReads", reads.get());
        figures.put("attachmentsAcknowledged", acknowledged.attachments.size());
        figures.put("attachmentDownloadsMatching", files.get());
        List<String> all = new ArrayList<>(failures);
        checks.add(new Check("every acknowledged ticket, message and attachment reads the same through either node",
                all.isEmpty(), figures, examples(all)));
    }

    // ---- live chat --------------------------------------------------------------------------------------

    /** Answers the markers of the stored lines of each chat's ticket, for the reading check. */
    Map<UUID, List<String>> chats() throws SQLException {
        List<Acknowledged.Chat> chats = List.copyOf(acknowledged.chats);
        Map<UUID, UUID> ticketOf = new HashMap<>();
        Map<UUID, String> statusOf = new HashMap<>();
        Set<String> stored = new HashSet<>();
        UUID[] ids = chats.stream().map(c -> c.id).toArray(UUID[]::new);
        for (Object[] row : rows("select id, ticket_id, status from chat_session where id = any(?)", (Object) ids)) {
            ticketOf.put((UUID) row[0], (UUID) row[1]);
            statusOf.put((UUID) row[0], (String) row[2]);
        }
        for (Object[] row : rows("select session_id, client_id from chat_message where session_id = any(?)",
                (Object) ids)) {
            stored.add(row[0] + "/" + row[1]);
        }
        Map<UUID, Map<String, Integer>> onTicket = new HashMap<>();
        UUID[] tickets = ticketOf.values().stream().filter(Objects::nonNull).toArray(UUID[]::new);
        for (Object[] row : rows("select ticket_id, body from ticket_message where ticket_id = any(?)", (Object) tickets)) {
            Matcher marker = MARKER.matcher((String) row[1]);
            while (marker.find()) {
                onTicket.computeIfAbsent((UUID) row[0], t -> new HashMap<>()).merge(marker.group(), 1, Integer::sum);
            }
        }
        List<String> failures = new ArrayList<>();
        Map<String, Long> lines = new LinkedHashMap<>();
        Map<UUID, List<String>> markers = new HashMap<>();
        long acrossNodes = 0;
        for (Acknowledged.Chat chat : chats) {
            UUID ticket = ticketOf.get(chat.id);
            Map<String, Integer> transcript = ticket == null ? Map.of() : onTicket.getOrDefault(ticket, Map.of());
            acrossNodes += chat.playerNode.equals(chat.agentNode) ? 0 : 1;
            for (Acknowledged.Line line : chat.lines.values()) {
                lines.merge("sent", 1L, Long::sum);
                lines.merge("sentMoreThanOnce", line.sends > 1 ? 1L : 0L, Long::sum);
                boolean isStored = stored.contains(chat.id + "/" + line.clientId);
                int copies = transcript.getOrDefault(line.marker, 0);
                lines.merge("stored", isStored ? 1L : 0L, Long::sum);
                lines.merge("reachedTheOtherSideLive", line.live ? 1L : 0L, Long::sum);
                lines.merge("reachedTheOtherSideByCatchingUp", line.caughtUp ? 1L : 0L, Long::sum);
                lines.merge("onTheTicket", copies > 0 ? 1L : 0L, Long::sum);
                if (!line.delivered() && copies > 0) {
                    lines.merge("onlyOnTheTicket", 1L, Long::sum);
                }
                if (copies > 1) {
                    failures.add(chat.id + " " + line.marker + ": " + copies + " times on its ticket");
                }
                boolean firstLine = line.clientId.equals("p0");
                if (!firstLine && !line.delivered() && copies == 0) {
                    failures.add(chat.id + " " + line.marker + " (" + line.side + ", stored: " + isStored
                            + "): neither reached the other side nor its ticket");
                }
                if (chat.ended && "ended".equals(statusOf.get(chat.id)) && isStored && copies == 0) {
                    failures.add(chat.id + " " + line.marker + ": stored, chat ended, not on its ticket");
                }
                if (isStored && ticket != null) {
                    markers.computeIfAbsent(ticket, t -> new ArrayList<>()).add(line.marker);
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("chats", chats.size());
        figures.put("chatsWithPlayerAndAgentOnDifferentNodes", acrossNodes);
        figures.put("ended", chats.stream().filter(c -> c.ended).count());
        figures.put("lines", lines);
        checks.add(new Check("every live chat line reached the other side or its ticket, and is on it once",
                failures.isEmpty(), figures, examples(failures)));
        // only the lines of ended chats are on the ticket for certain; the others may still wait for their batch
        Map<UUID, List<String>> certain = new HashMap<>();
        for (Acknowledged.Chat chat : chats) {
            UUID ticket = ticketOf.get(chat.id);
            if (chat.ended && ticket != null && markers.containsKey(ticket)) {
                certain.put(ticket, markers.get(ticket));
            }
        }
        return certain;
    }

    // ---- events -----------------------------------------------------------------------------------------

    /**
     * No publication older than {@code margin} is left incomplete: the sweeps go on firing for the
     * load's last tickets after it, so the newest ones are always on their way.
     */
    void publications(Instant at, Duration margin, long waitedSeconds) throws SQLException {
        List<String> failures = new ArrayList<>();
        long incomplete = 0;
        for (Object[] row : rows("select listener_id, status, count(*), min(publication_date) from event_publication "
                + "where completion_date is null and publication_date < ? group by listener_id, status order by 3 desc",
                Timestamp.from(at.minus(margin)))) {
            incomplete += (Long) row[2];
            failures.add(row[2] + " × " + row[0] + " (" + row[1] + ", the oldest published " + row[3] + ")");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("incompleteOlderThanSeconds" + margin.toSeconds(), incomplete);
        figures.put("newerOnTheirWay", count("select count(*) from event_publication where completion_date is null "
                + "and publication_date >= ?", Timestamp.from(at.minus(margin))));
        figures.put("secondsWaitedAfterTheLoad", waitedSeconds);
        checks.add(new Check("every event publication completed", incomplete == 0, figures, examples(failures)));
    }

    // ---- service levels ---------------------------------------------------------------------------------

    /**
     * Each timer's warning and breach fired at most once (firing records, history lines and
     * notifications agree), and none that was due more than {@code margin} before {@code at} is
     * missing; how late they fired, over the whole run and while one node was down.
     */
    void serviceLevels(Instant at, Duration margin, Instant killedAt, Instant backAt) throws SQLException {
        List<String> failures = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Object[] row : rows("select kind, count(*) from sla_firing where game_id = ? group by kind", game)) {
            figures.put("fired:" + row[0], row[1]);
        }
        for (Object[] row : rows("select timer_id, round, kind, count(*) from sla_firing where game_id = ? "
                + "group by timer_id, round, kind having count(*) > 1", game)) {
            failures.add("timer " + row[0] + " round " + row[1] + ": " + row[2] + " fired " + row[3] + " times");
        }
        // the ticket's history has one line per firing
        for (Object[] row : rows("select f.ticket_id, f.fired, h.recorded from (select ticket_id, count(*) fired "
                + "from sla_firing where game_id = ? group by ticket_id) f left join (select h.ticket_id, count(*) "
                + "recorded from ticket_history h join ticket t on t.id = h.ticket_id where t.game_id = ? "
                + "and h.action = 'recorded' and (h.new_value like '服务时效%' or h.new_value like 'Service-level%' "
                + "or h.new_value like 'Service level%') group by h.ticket_id) h on h.ticket_id = f.ticket_id "
                + "where f.fired <> coalesce(h.recorded, 0)", game, game)) {
            failures.add("ticket " + row[0] + ": " + row[1] + " firings, " + row[2] + " history lines");
        }
        // each firing's actions ran once: as many notifications as its outcome says it sent
        Map<String, Long> expected = new HashMap<>();
        long actionsNotRun = 0;
        Pattern leads = Pattern.compile("(\\d+) leads notified");
        for (Object[] row : rows("select ticket_id, kind, outcome, actions_done_at from sla_firing where game_id = ?",
                game)) {
            if (row[3] == null) {
                actionsNotRun++;
                continue;
            }
            String outcome = row[2] == null ? "" : (String) row[2];
            long sent = outcome.contains("assignee notified") ? 1 : 0;
            Matcher count = leads.matcher(outcome);
            sent += count.find() ? Long.parseLong(count.group(1)) : 0;
            expected.merge(row[0] + "/sla." + row[1], sent, Long::sum);
        }
        Map<String, Long> notified = new HashMap<>();
        for (Object[] row : rows("select n.ticket_id, n.kind, count(*) from staff_notification n join ticket t "
                + "on t.id = n.ticket_id where t.game_id = ? and n.kind in ('sla.warning', 'sla.breach') "
                + "group by n.ticket_id, n.kind", game)) {
            notified.put(row[0] + "/" + row[1], (Long) row[2]);
        }
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(notified.keySet());
        for (String key : keys) {
            long want = expected.getOrDefault(key, 0L);
            long got = notified.getOrDefault(key, 0L);
            if (want != got) {
                failures.add("ticket/kind " + key + ": " + got + " notifications, the firings' outcomes say " + want);
            }
        }
        if (actionsNotRun > 0) {
            failures.add(actionsNotRun + " firings whose actions have not run");
        }
        Timestamp dueBefore = Timestamp.from(at.minus(margin));
        long missedWarnings = count("select count(*) from sla_timer where game_id = ? and state = 'running' "
                + "and warned_at is null and warn_at < ?", game, dueBefore);
        long missedBreaches = count("select count(*) from sla_timer where game_id = ? and state = 'running' "
                + "and breached_at is null and due_at < ?", game, dueBefore);
        if (missedWarnings + missedBreaches > 0) {
            failures.add(missedWarnings + " warnings and " + missedBreaches + " breaches due before " + dueBefore
                    + " not fired");
        }
        figures.put("missedWarnings", missedWarnings);
        figures.put("missedBreaches", missedBreaches);
        figures.put("actionsNotRun", actionsNotRun);
        figures.put("lateness", lateness(null, null));
        if (killedAt != null) {
            figures.put("latenessOfThoseDueWhileOneNodeWasDown", lateness(killedAt, backAt));
        }
        checks.add(new Check("every service-level warning and breach fired once, none missed", failures.isEmpty(),
                figures, examples(failures)));
    }

    /** How late breaches fired after their deadline (seconds, p50/p99/max), those due in the window or all. */
    private Map<String, Object> lateness(Instant from, Instant to) throws SQLException {
        String window = from == null ? "" : " and due_at between ? and ?";
        Object[] params = from == null ? new Object[] { game }
                : new Object[] { game, Timestamp.from(from), Timestamp.from(to) };
        List<Object[]> found = rows("select count(*), percentile_cont(0.5) within group (order by s), "
                + "percentile_cont(0.99) within group (order by s), max(s) from (select extract(epoch from "
                + "(fired_at - due_at)) s from sla_firing where game_id = ? and kind = 'breach'" + window + ") d",
                params);
        Map<String, Object> figures = new LinkedHashMap<>();
        Object[] row = found.getFirst();
        figures.put("breaches", row[0]);
        figures.put("p50Seconds", round(row[1]));
        figures.put("p99Seconds", round(row[2]));
        figures.put("maxSeconds", round(row[3]));
        return figures;
    }

    // ---- automation -------------------------------------------------------------------------------------

    /**
     * Event rules ran once per event: each ticket_created rule that asks for ticket types once on
     * every acknowledged ticket of those types, each sla_breached rule once per breach; the time
     * rules once on each ticket made old for them whose time came more than {@code margin} before
     * {@code at}.
     */
    void automation(List<Aging> aging, Map<String, UUID> timeRules, Instant at, Duration margin) throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<UUID, String> ticketType = new HashMap<>();
        for (Acknowledged.Ticket ticket : acknowledged.tickets) {
            List<UUID> found = ticketsByMarker.getOrDefault(ticket.marker(), List.of());
            if (found.size() == 1) {
                ticketType.put(found.getFirst(), ticket.type());
            }
        }
        for (Object[] rule : rows("select id, name, trigger_on, conditions from automation_rule where game_id = ? "
                + "and enabled = true", game)) {
            UUID id = (UUID) rule[0];
            Map<UUID, Long> runs = new HashMap<>();
            for (Object[] row : rows("select ticket_id, count(*) from automation_execution where rule_id = ? "
                    + "group by ticket_id", id)) {
                runs.put((UUID) row[0], (Long) row[1]);
            }
            String trigger = (String) rule[2];
            if (trigger.equals("ticket_created")) {
                JsonNode types = Arguments.JSON.readTree((String) rule[3]).path("types");
                Set<String> wanted = new HashSet<>();
                types.forEach(type -> wanted.add(type.asText()));
                long expectedRuns = 0;
                for (Map.Entry<UUID, String> ticket : ticketType.entrySet()) {
                    long ran = runs.getOrDefault(ticket.getKey(), 0L);
                    boolean wants = !wanted.isEmpty() && wanted.contains(ticket.getValue());
                    expectedRuns += wants ? 1 : 0;
                    if (wants && ran != 1 || !wanted.isEmpty() && !wants && ran != 0) {
                        failures.add(rule[1] + " on ticket " + ticket.getKey() + " (" + ticket.getValue() + "): ran "
                                + ran + " times");
                    }
                }
                figures.put(rule[1] + " (" + trigger + "): runs expected on the load's tickets", expectedRuns);
            } else if (trigger.equals("sla_breached")) {
                // once per breach; the last breaches' runs may still be on their way
                Map<UUID, long[]> breaches = new HashMap<>();
                for (Object[] row : rows("select ticket_id, count(*), count(*) filter (where fired_at < ?) from sla_firing "
                        + "where game_id = ? and kind = 'breach' group by ticket_id", Timestamp.from(at.minus(margin)),
                        game)) {
                    breaches.put((UUID) row[0], new long[] { (Long) row[1], (Long) row[2] });
                }
                Set<UUID> tickets = new HashSet<>(breaches.keySet());
                tickets.addAll(runs.keySet());
                for (UUID ticket : tickets) {
                    long[] fired = breaches.getOrDefault(ticket, new long[2]);
                    long ran = runs.getOrDefault(ticket, 0L);
                    if (ran > fired[0] || ran < fired[1]) {
                        failures.add(rule[1] + " on ticket " + ticket + ": ran " + ran + " times for " + fired[0]
                                + " breaches");
                    }
                }
                figures.put(rule[1] + " (" + trigger + "): runs", runs.values().stream().mapToLong(Long::longValue).sum());
            }
        }
        long due = 0;
        long actedOnOnce = 0;
        for (Aging ticket : aging) {
            if (ticket.due().isAfter(at.minus(margin))) {
                continue;
            }
            due++;
            long done = count("select count(*) from automation_execution where rule_id = ? and ticket_id = ? "
                    + "and outcome = 'done'", timeRules.get(ticket.rule()), ticket.ticket());
            String effect = ticket.rule().equals("close_resolved")
                    ? (String) rows("select status from ticket where id = ?", ticket.ticket()).getFirst()[0]
                    : count("select count(*) from ticket_message where ticket_id = ? and author_kind = 'system' and visibility = 'public'",
                            ticket.ticket()) + " reminders";
            boolean once = done == 1 && (effect.equals("closed") || effect.equals("1 reminders"));
            actedOnOnce += once ? 1 : 0;
            if (!once) {
                List<String> runs = new ArrayList<>();
                for (Object[] run : rows("select outcome, summary, executed_at from automation_execution "
                        + "where rule_id = ? and ticket_id = ? order by executed_at", timeRules.get(ticket.rule()),
                        ticket.ticket())) {
                    runs.add(run[0] + " at " + run[2] + (run[1] == null ? "" : ": " + run[1]));
                }
                Object[] now = rows("select status, updated_at from ticket where id = ?", ticket.ticket()).getFirst();
                failures.add(ticket.rule() + " on ticket " + ticket.ticket() + " due " + ticket.due() + ": " + done
                        + " runs done, " + effect + "; runs " + runs + "; the ticket now " + now[0] + ", last changed "
                        + now[1]);
            }
        }
        figures.put("timeRuleTicketsDue", due);
        figures.put("timeRuleTicketsActedOnOnce", actedOnOnce);
        checks.add(new Check("automation ran once per event, and the time rules once per ticket due",
                failures.isEmpty(), figures, examples(failures)));
    }

    // ---- the balancer -----------------------------------------------------------------------------------

    /**
     * No request sent after the balancer noticed the dead node failed at the balancer or on its
     * connection (to the end of the run). A console page that sent its agent to sign in again is
     * not such a failure: the session lived in the dead node.
     */
    void noFailuresAfterTheBalancerNoticed(List<Traffic.Failure> failures, Instant noticedAt,
            Map<String, Object> figures) {
        List<String> after = new ArrayList<>();
        if (noticedAt != null) {
            for (Traffic.Failure failure : failures) {
                if (failure.origin().equals(Traffic.AT_THE_BALANCER) && failure.sent().isAfter(noticedAt)) {
                    after.add(failure.kind() + " sent " + failure.sent() + ": " + failure.what());
                }
            }
        }
        figures.put("failedAtTheBalancerAfterItNoticed", after.size());
        checks.add(new Check("no request sent after the balancer noticed the dead node failed at the balancer",
                noticedAt != null && after.isEmpty(), figures, examples(after)));
    }

    /** A node that answers answers without a server error, whatever the other node does. */
    void noServerErrorsFromTheNodes(List<Traffic.Failure> failures) {
        List<String> errors = new ArrayList<>();
        Map<String, Integer> byKind = new TreeMap<>();
        for (Traffic.Failure failure : failures) {
            if (failure.origin().startsWith("an answer of node") && failure.what().matches("(?s).*: 5\\d\\d .*")) {
                errors.add(failure.kind() + " sent " + failure.sent() + ": " + failure.what());
                byKind.merge(failure.kind(), 1, Integer::sum);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("serverErrorsAnsweredByANode", byKind);
        checks.add(new Check("no request was answered with a server error (5xx) by a node", errors.isEmpty(), figures,
                examples(errors)));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    interface Each<T> {
        void check(T item) throws Exception;
    }

    private static <T> void inParallel(Collection<T> items, Each<T> each) throws Exception {
        Semaphore parallel = new Semaphore(8);
        Queue<Exception> errors = new ConcurrentLinkedQueue<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                parallel.acquire();
                threads.submit(() -> {
                    try {
                        each.check(item);
                    } catch (Exception e) {
                        errors.add(e);
                    } finally {
                        parallel.release();
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            throw errors.peek();
        }
    }

    private List<Object[]> rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof UUID[] ids) {
                    statement.setArray(i + 1, db.createArrayOf("uuid", ids));
                } else {
                    statement.setObject(i + 1, params[i]);
                }
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private long count(String sql, Object... params) throws SQLException {
        return ((Number) rows(sql, params).getFirst()[0]).longValue();
    }

    private static Object round(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }

    private static List<String> examples(List<String> failures) {
        return failures.size() <= EXAMPLES ? failures : failures.subList(0, EXAMPLES);
    }
}

package org.playerdesk.insight.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.assist.GameArea;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.GameProfile;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.ReportedTicket;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A game's bug reports and suggestions of a period, grouped for its developers
 * ({@link DigestGrouping}), and the mark "reported to developers" on a group. Each digest stores
 * who its groups are, so that a group keeps its identity, and its mark, across digests: the same
 * fingerprint is the same group; a group whose fingerprint is new but which holds reports already
 * in a stored group continues that group (the one marked reported first, then the one holding
 * most of them). Each report belongs to the group that last took it.
 */
@Service
@EnableConfigurationProperties(DigestProperties.class)
class DeveloperDigests {

    static final Set<TicketType> KINDS = Set.of(TicketType.BUG, TicketType.SUGGESTION);
    static final int BATCH = 500;
    static final int SAMPLES = 5;
    static final int QUOTES = 3;
    static final int QUOTE_MAX = 280;

    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final GameCatalog games;
    private final DigestStore store;
    private final ConflictRetry retry;
    private final DigestProperties properties;
    private final Clock clock;

    DeveloperDigests(TicketQueries tickets, PlayerDirectory players, GameCatalog games, DigestStore store,
            ConflictRetry retry, DigestProperties properties, Clock clock) {
        this.tickets = tickets;
        this.players = players;
        this.games = games;
        this.store = store;
        this.retry = retry;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether this member of staff sees and manages the game's digests: an administrator, or a supervisor of the game. */
    static boolean canManage(StaffMember member, UUID gameId) {
        return member != null && member.enabled() && member.serves(gameId)
                && (member.role() == StaffRole.ADMIN || member.role() == StaffRole.SUPERVISOR);
    }

    static void requireManager(StaffMember member, UUID gameId) {
        if (!canManage(member, gameId)) {
            throw new AccessDeniedException("only an administrator or a supervisor of the game sees its digests");
        }
    }

    ZoneId zone(UUID gameId) {
        GameProfile profile = games.profile(gameId);
        try {
            return profile.timeZone() == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(profile.timeZone());
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

    /** The game's digest of the days {@code from} to {@code to}, both included, in the game's time zone. */
    DigestView digest(UUID gameId, LocalDate from, LocalDate to) {
        GameInfo game = games.get(gameId);
        ZoneId zone = zone(gameId);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<ReportedTicket> read = read(gameId, start, end);
        boolean truncated = read.size() > properties.reportsMax();
        List<ReportedTicket> reported = truncated ? read.subList(0, properties.reportsMax()) : read;
        Map<UUID, ReportedTicket> byId = new LinkedHashMap<>();
        reported.forEach(r -> byId.put(r.ticket().id(), r));
        List<DigestGrouping.Group> groups = DigestGrouping.group(reports(reported));
        List<DigestView.GroupView> views = retry.call(() -> store(gameId, groups, byId));
        return new DigestView(game, from, to, reported.size(), truncated, views);
    }

    private List<ReportedTicket> read(UUID gameId, Instant start, Instant end) {
        List<ReportedTicket> all = new ArrayList<>();
        Instant afterAt = null;
        UUID afterId = null;
        while (all.size() <= properties.reportsMax()) {
            List<ReportedTicket> batch = tickets.reported(gameId, KINDS, start, end, afterAt, afterId, BATCH);
            all.addAll(batch);
            if (batch.size() < BATCH) {
                break;
            }
            TicketView last = batch.getLast().ticket();
            afterAt = last.createdAt();
            afterId = last.id();
        }
        return all;
    }

    /** The reports as the grouping reads them; a server the ticket does not name is the player's. */
    private List<DigestGrouping.Report> reports(List<ReportedTicket> reported) {
        Set<UUID> unnamed = reported.stream().filter(r -> server(r.metadata()) == null)
                .map(r -> r.ticket().playerId()).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, PlayerSummary> owners = unnamed.isEmpty() ? Map.of() : players.byIds(unnamed);
        return reported.stream().map(r -> {
            TicketView t = r.ticket();
            String server = server(r.metadata());
            if (server == null && owners.containsKey(t.playerId())) {
                server = owners.get(t.playerId()).server();
            }
            return new DigestGrouping.Report(t.id(), t.number(), t.type(), GameArea.of(t.type()),
                    first(r.metadata(), "clientVersion", "client_version", "appVersion", "version"),
                    first(r.metadata(), "device", "deviceModel", "model"), server, t.createdAt(), t.subject(),
                    r.openingText());
        }).toList();
    }

    private static String server(Map<String, String> metadata) {
        return first(metadata, "server", "zone");
    }

    private static String first(Map<String, String> metadata, String... keys) {
        for (String key : keys) {
            String value = metadata.get(key);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private List<DigestView.GroupView> store(UUID gameId, List<DigestGrouping.Group> groups,
            Map<UUID, ReportedTicket> byId) {
        Instant now = clock.instant();
        Set<UUID> taken = new HashSet<>();
        List<DigestView.GroupView> views = new ArrayList<>();
        for (DigestGrouping.Group group : groups) {
            List<UUID> ticketIds = group.reports().stream().map(DigestGrouping.Report::ticketId).toList();
            DigestStore.StoredGroup stored = store.byFingerprint(gameId, group.fingerprint())
                    .filter(g -> !taken.contains(g.id()))
                    .orElseGet(() -> continued(ticketIds, taken)
                            .orElseGet(() -> store.create(gameId, group.fingerprint(), group, now)));
            taken.add(stored.id());
            store.rename(stored.id(), group.words());
            store.link(stored.id(), ticketIds, now);
            views.add(view(stored, group, byId));
        }
        return views;
    }

    /** The stored group these reports continue: the one marked reported first, then the one holding most of them. */
    private Optional<DigestStore.StoredGroup> continued(List<UUID> ticketIds, Set<UUID> taken) {
        Map<UUID, Integer> holding = store.holding(ticketIds);
        return holding.keySet().stream().filter(id -> !taken.contains(id)).map(store::group)
                .flatMap(Optional::stream)
                .max(Comparator.comparing(DigestStore.StoredGroup::reported)
                        .thenComparing(g -> holding.get(g.id()))
                        .thenComparing(g -> g.id().toString(), Comparator.reverseOrder()));
    }

    private static DigestView.GroupView view(DigestStore.StoredGroup stored, DigestGrouping.Group group,
            Map<UUID, ReportedTicket> byId) {
        List<DigestGrouping.Report> reports = group.reports();
        Map<String, Long> servers = reports.stream().map(DigestGrouping.Report::server).filter(s -> !s.isEmpty())
                .collect(Collectors.groupingBy(s -> s, LinkedHashMap::new, Collectors.counting()));
        List<String> serverList = servers.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        List<DigestView.Sample> samples = reports.stream().limit(SAMPLES)
                .map(r -> new DigestView.Sample(r.ticketId(), r.number(), r.subject())).toList();
        Set<String> quotes = new LinkedHashSet<>();
        for (DigestGrouping.Report report : reports) {
            String words = byId.get(report.ticketId()).openingText().strip();
            if (words.isEmpty()) {
                words = report.subject() == null ? "" : report.subject().strip();
            }
            if (!words.isEmpty()) {
                quotes.add(words.length() > QUOTE_MAX ? words.substring(0, QUOTE_MAX) + "…" : words);
            }
            if (quotes.size() == QUOTES) {
                break;
            }
        }
        String device = reports.stream().map(DigestGrouping.Report::device).filter(d -> !d.isEmpty()).findFirst()
                .map(d -> group.deviceFamily().isEmpty() ? d : d.split("\\s+")[0]).orElse("");
        return new DigestView.GroupView(stored.id(), group.type(), group.area(), group.clientVersion(), device,
                group.words(), reports.size(), reports.getFirst().createdAt(), reports.getLast().createdAt(),
                serverList, samples, List.copyOf(quotes), stored.reportedRef(), stored.reportedBy(),
                stored.reportedAt());
    }

    /** The game of a stored group; not found when there is no such group. */
    UUID gameOf(UUID groupId) {
        return store.group(groupId).map(DigestStore.StoredGroup::gameId)
                .orElseThrow(() -> new NotFoundException("digest group", groupId));
    }

    /**
     * Marks a group reported to the developers, with the tracker's reference: a key such as
     * {@code JIRA-123}, or an http or https address. Marking it again replaces the reference.
     */
    void markReported(UUID groupId, String reference, StaffMember by) {
        DigestStore.StoredGroup group = store.group(groupId)
                .orElseThrow(() -> new NotFoundException("digest group", groupId));
        requireManager(by, group.gameId());
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty()) {
            throw InvalidInput.of("reference", "invalid.blank");
        }
        if (ref.length() > DigestView.References.MAX) {
            throw InvalidInput.of("reference", "invalid.tooLong", DigestView.References.MAX);
        }
        if (ref.codePoints().anyMatch(Character::isISOControl)) {
            throw InvalidInput.of("reference", "invalid.control");
        }
        if (DigestView.References.looksLikeAddress(ref) && DigestView.References.url(ref) == null) {
            throw InvalidInput.of("reference", "invalid.url");
        }
        store.markReported(groupId, ref, by.displayName(), clock.instant());
    }

    /** What the developers were told of the group this ticket belongs to, when it was reported. */
    Optional<DigestStore.StoredGroup> reportOn(UUID ticketId) {
        return store.groupOf(ticketId).filter(DigestStore.StoredGroup::reported);
    }
}

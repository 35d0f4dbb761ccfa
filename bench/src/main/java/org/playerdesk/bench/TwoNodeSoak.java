package org.playerdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Two PlayerDesk nodes on one PostgreSQL database and one RabbitMQ, behind HAProxy on 127.0.0.1,
 * under a steady mixed load for a number of minutes: game servers reporting tickets and players'
 * follow-ups, help-center tickets with files, live chats whose player and agent are on different
 * nodes, agents replying in the console, service-level sweeps and automation on both nodes. At a
 * random moment in the middle half one node is killed with SIGKILL, and started again a minute
 * later. Afterwards {@link SoakChecks} holds the database and both nodes to what the clients were
 * told, and the figures go to {@code bench/results/<date>-soak-<minutes>m.{json,md}}.
 * {@code bench/soak} prepares the database, the RabbitMQ virtual host and HAProxy, and runs this.
 */
public final class TwoNodeSoak {

    static final String GAME = "demo";
    static final String API_KEY = "demo-key";
    static final String CHAT_SECRET = "demo-chat-secret-not-for-production";
    static final String PASSWORD = "playerdesk";

    /** The load's settings and their defaults (bench/README.md, "Two-node soak"). */
    private static final Map<String, Double> LOAD = loadDefaults();

    private static Map<String, Double> loadDefaults() {
        Map<String, Double> load = new LinkedHashMap<>();
        load.put("api-rate", 2.0);
        load.put("follow-up-rate", 0.5);
        load.put("help-per-minute", 6.0);
        load.put("agents", 6.0);
        load.put("reply-every", 6.0);
        load.put("chats", 3.0);
        load.put("chat-lines", 10.0);
        load.put("line-every", 3.0);
        load.put("sla-minutes", 2.0);
        return load;
    }

    private final Arguments options;
    private final Path work;
    private final String jdbc;
    private final String user;
    private final String password;
    private final String balancerBase;
    private final int seconds;
    private final int killAfter;
    private final int restartAfter;
    private final String victimName;
    private final Map<String, SoakNode> nodes = new LinkedHashMap<>();
    private final Balancer balancer;
    private final Traffic traffic = new Traffic();
    private final Acknowledged acknowledged = new Acknowledged();
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final Map<String, Object> kill = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<SoakChecks.Aging> aging = new ArrayList<>();
    private final Map<String, UUID> timeRules = new HashMap<>();
    private final Map<String, Integer> timeRuleHours = new HashMap<>();
    private final List<Double> agentsBack = new ArrayList<>();
    private UUID game;
    private Instant killedAt;
    private Instant noticedAt;
    private Instant backAt;
    private volatile Instant publicationsDoneAt;
    private Instant restartedReadyAt;

    private TwoNodeSoak(Arguments options) {
        this.options = options;
        this.work = Path.of(options.required("work"));
        this.jdbc = options.required("jdbc");
        this.user = options.text("user", "postgres");
        this.password = options.text("password", "");
        this.balancerBase = options.text("base", "http://127.0.0.1:18080");
        this.seconds = options.integer("minutes", 10) * 60;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.killAfter = options.has("kill-after") ? options.integer("kill-after", 0)
                : seconds / 4 + random.nextInt(seconds / 2);
        this.restartAfter = options.integer("restart-after", 60);
        this.victimName = options.text("kill-node", random.nextBoolean() ? "a" : "b");
        if (killAfter + restartAfter >= seconds - 30) {
            throw new IllegalArgumentException("--kill-after " + killAfter + " and --restart-after " + restartAfter
                    + " leave less than 30 s of load after the restart in " + seconds + " s");
        }
        this.balancer = new Balancer(options.text("stats", "http://127.0.0.1:18089/stats;csv"), "nodes");
    }

    /** A setting of the load: as given, else its default. */
    private double load(String name) {
        return options.decimal(name, LOAD.get(name));
    }

    private int count(String name) {
        return (int) load(name);
    }

    private Duration seconds(String name) {
        return Duration.ofMillis((long) (load(name) * 1000));
    }

    public static void main(String[] args) throws Exception {
        TwoNodeSoak soak = new TwoNodeSoak(new Arguments(args));
        boolean passed = false;
        try {
            passed = soak.run();
        } finally {
            for (SoakNode node : soak.nodes.values()) {
                node.stop();
            }
        }
        System.exit(passed ? 0 : 3);
    }

    private boolean run() throws Exception {
        String loadAtStart = Files.readString(Path.of("/proc/loadavg")).strip();
        startNodes();
        prepare();
        load();
        long waited = settle();
        List<SoakChecks.Check> checks = check(waited);
        report.put("run", runFigures(loadAtStart));
        report.put("traffic", traffic.figures(seconds));
        report.put("answeredPerNodeAndPhase", traffic.answeredByPhase());
        report.put("kill", kill);
        report.put("checks", checks);
        Map<String, List<String>> logged = new LinkedHashMap<>();
        for (SoakNode node : nodes.values()) {
            logged.put(node.name(), node.errorLines(20));
        }
        report.put("errorsLoggedByTheNodes", logged);
        SoakReport.write(report, Path.of(options.required("results")), options.required("name"));
        boolean passed = checks.stream().allMatch(SoakChecks.Check::passed);
        System.out.println(passed ? "every check passed" : "some checks failed: see the report");
        return passed;
    }

    // ---- nodes ------------------------------------------------------------------------------------------

    private void startNodes() throws Exception {
        boolean databaseFiles = options.text("files", "shared-folder").equals("database");
        for (String name : List.of("a", "b")) {
            int port = options.integer("port-" + name, name.equals("a") ? 18081 : 18082);
            Path home = Files.createDirectories(work.resolve("node-" + name));
            List<String> command = new ArrayList<>();
            command.add(options.required("java"));
            command.addAll(Arrays.asList(options.text("node-options", "-Xmx512m").trim().split("\\s+")));
            command.addAll(List.of("-jar", options.required("jar"), "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    // each node its own full-text index: Lucene's folder takes one writer
                    "--spring.jpa.properties.hibernate.search.backend.directory.root=" + home.resolve("index"),
                    // every request the node answered, with its session, to explain a failure afterwards
                    "--server.tomcat.accesslog.enabled=true",
                    "--server.tomcat.accesslog.directory=" + home.resolve("access"),
                    "--server.tomcat.accesslog.pattern=%{yyyy-MM-dd'T'HH:mm:ss.SSSZ}t %s %{ms}Tms session=%S \"%r\""));
            if (databaseFiles) {
                command.add("--playerdesk.files.store=database");
            }
            Map<String, String> environment = new LinkedHashMap<>();
            // the node in this process, not in a second JVM from the build's AOT cache: a node is
            // killed by its pid to test recovery
            environment.put("PLAYERDESK_AOT_CACHE", "false");
            environment.put("PLAYERDESK_DB_URL", jdbc);
            environment.put("PLAYERDESK_DB_USER", user);
            environment.put("PLAYERDESK_DB_PASSWORD", password);
            environment.put("PLAYERDESK_DB_POOL_SIZE", options.text("db-pool", "15"));
            environment.put("PLAYERDESK_DEMO", "true");
            // attachments: in the database, or (until that store exists) one folder both nodes share
            environment.put("PLAYERDESK_DATA_DIR", databaseFiles ? home.resolve("data").toString()
                    : work.resolve("shared-data").toString());
            environment.put("PLAYERDESK_RATELIMITS_ENABLED", "false");
            environment.put("PLAYERDESK_CHAT_RELAY_ENABLED", "true");
            environment.put("PLAYERDESK_CHAT_RELAY_VIRTUALHOST", options.required("vhost"));
            environment.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
            nodes.put(name, new SoakNode(name, port, command, environment, work));
        }
        balancer.watch();
        // one after the other: the first seeds the demo workspace, the second finds it there
        for (SoakNode node : nodes.values()) {
            node.start();
            System.out.printf("node %s ready after %.1f s%n", node.name(), node.awaitReady(Duration.ofMinutes(10)));
        }
        for (SoakNode node : nodes.values()) {
            balancer.awaitUp(node.name(), Duration.ofSeconds(30));
        }
    }

    // ---- preparation ------------------------------------------------------------------------------------

    /**
     * The agents of the load (sharing agent1's password), service-level targets short enough to
     * fire within the run, and tickets made old for the time rules to act on during it.
     */
    private void prepare() throws Exception {
        int agents = count("agents");
        int chats = count("chats");
        int slaMinutes = count("sla-minutes");
        try (Connection db = connect()) {
            game = single(db, "select id from game where code = ?", GAME);
            String hash = single(db, "select password_hash from staff_account where username = 'agent1'");
            List<String> staff = new ArrayList<>(ConsoleAgents.usernames("soak", agents));
            staff.addAll(ConsoleAgents.usernames("soakchat", chats));
            for (String username : staff) {
                update(db, "insert into staff_account (id, username, display_name, password_hash, role, locale, enabled, "
                        + "created_at) values (?, ?, ?, ?, 'agent_l1', 'zh-CN', true, now()) on conflict (username) "
                        + "do nothing", UUID.randomUUID(), username, "浸泡测试 " + username, hash);
                update(db, "insert into staff_game (staff_id, game_id) select id, ? from staff_account where username = ? "
                        + "on conflict do nothing", game, username);
            }
            // first response in minutes, the next in twice as many, warnings at half: within the run
            int changed = update(db, "update sla_policy set first_response_minutes = ?, next_response_minutes = "
                    + "case when next_response_minutes is null then null else ? end, warning_percent = 50 "
                    + "where game_id = ? and coalesce(channel, '') <> 'chat' and first_response_minutes is not null",
                    slaMinutes, slaMinutes * 2, game);
            System.out.printf("prepared %d agents; %d service-level policies answer within %d minutes%n",
                    staff.size(), changed, slaMinutes);
            try (PreparedStatement rules = db.prepareStatement(
                    "select kind, id, hours from automation_time_rule where game_id = ? and enabled = true")) {
                rules.setObject(1, game);
                try (ResultSet rows = rules.executeQuery()) {
                    while (rows.next()) {
                        timeRules.put(rows.getString(1), rows.getObject(2, UUID.class));
                        timeRuleHours.put(rows.getString(1), rows.getInt(3));
                    }
                }
            }
        }
        makeOld(aging());
    }

    /**
     * Tickets the time rules act on during the run: reported now, and once their events are
     * handled, set to resolved or waiting on the player with a last change so long ago that they
     * fall due one after the other during the run (assigned, and their service-level clocks
     * stopped, so that nothing else changes them). The time rules wait hours; a run waits minutes.
     */
    private void makeOld(int count) throws Exception {
        if (count == 0 || !timeRules.containsKey("close_resolved") || !timeRules.containsKey("remind_pending")) {
            return;
        }
        GameServers reporting = new GameServers(Long.toString(System.currentTimeMillis(), 36), "o", API_KEY,
                new Traffic(), acknowledged);
        List<UUID> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = reporting.openTicket(nodes.get("a").base(), false);
            if (id != null) {
                tickets.add(id);
            }
        }
        awaitPublications(Duration.ofMinutes(3), Duration.ZERO);
        Instant start = Instant.now();
        try (Connection db = connect()) {
            for (int i = 0; i < tickets.size(); i++) {
                String rule = i % 2 == 0 ? "close_resolved" : "remind_pending";
                long hours = timeRuleHours.get(rule);
                Instant due = start.plusSeconds(90 + (long) i * Math.max(1, seconds - 240) / tickets.size());
                Timestamp changed = Timestamp.from(due.minus(Duration.ofHours(hours)));
                // assigned (to agent1, who takes no part in the load), or routing hands a ticket waiting on
                // its player to the next agent who comes online, and that change restarts its wait
                update(db, "update ticket set status = ?, resolved_at = ?, updated_at = ?, sla_due_at = null, "
                        + "sla_state = null, assignee_id = (select id from staff_account where username = 'agent1') "
                        + "where id = ?", rule.equals("close_resolved") ? "resolved" : "pending_player",
                        rule.equals("close_resolved") ? changed : null, changed, tickets.get(i));
                update(db, "update sla_timer set state = 'stopped', stopped_at = now(), running_since = null, "
                        + "next_fire_at = null where ticket_id = ?", tickets.get(i));
                aging.add(new SoakChecks.Aging(tickets.get(i), rule, due));
            }
        }
        System.out.printf("%d tickets made old for the time rules, due from %s on%n", aging.size(),
                aging.isEmpty() ? "-" : aging.getFirst().due());
    }

    // ---- the load ---------------------------------------------------------------------------------------

    private void load() throws Exception {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        Instant startedAt = Instant.now();
        System.out.printf("load for %d s through %s; node %s is killed after %d s and started again %d s later%n",
                seconds, balancerBase, victimName, killAfter, restartAfter);
        String run = Long.toString(System.currentTimeMillis(), 36);
        GameServers servers = new GameServers(run, "t", API_KEY, traffic, acknowledged);
        HelpCenterPlayers players = new HelpCenterPlayers(balancerBase, GAME, traffic, acknowledged);
        ConsoleAgents agents = new ConsoleAgents(balancerBase, PASSWORD, traffic, acknowledged);
        ChatPairs chats = new ChatPairs(balancerBase, GAME, CHAT_SECRET, agents, traffic, acknowledged,
                count("chat-lines"), seconds("line-every"));
        Pace intake = Pace.start("intake", load("api-rate"), end, 64,
                () -> servers.openTicket(balancerBase, true));
        Pace followUps = Pace.start("follow-ups", load("follow-up-rate"), end, 32,
                () -> servers.followUp(balancerBase));
        Pace help = Pace.start("help", load("help-per-minute") / 60, end, 16, players::submit);
        List<Thread> people = new ArrayList<>();
        AtomicReference<Exception> broken = new AtomicReference<>();
        Queue<String> stopped = new ConcurrentLinkedQueue<>();
        List<String> agentNames = ConsoleAgents.usernames("soak", count("agents"));
        Duration every = seconds("reply-every");
        for (int i = 0; i < agentNames.size(); i++) {
            String agent = agentNames.get(i);
            String node = i % 2 == 0 ? "a" : "b";
            people.add(Thread.ofVirtual().name(agent).start(() -> noting(stopped, agent,
                    () -> agents.work(agent, node, every, end))));
        }
        List<String> chatAgents = ConsoleAgents.usernames("soakchat", count("chats"));
        for (int i = 0; i < chatAgents.size(); i++) {
            int pair = i + 1;
            String agent = chatAgents.get(i);
            String node = i % 2 == 0 ? "b" : "a";
            people.add(Thread.ofVirtual().name(agent).start(() -> noting(stopped, agent,
                    () -> chats.run(pair, agent, node, end))));
        }
        Thread killer = Thread.ofPlatform().name("kill").start(() -> unlessBroken(broken,
                () -> killAndRestart(start)));
        for (Pace pace : List.of(intake, followUps, help)) {
            pace.await(Duration.ofSeconds(seconds + 300));
        }
        for (Thread person : people) {
            person.join(Duration.ofMinutes(5));
        }
        killer.join(Duration.ofMinutes(10));
        traffic.stopCounting();
        if (broken.get() != null) {
            throw broken.get();
        }
        kill.put("balancerStateChangesSecondsAfterKill", balancer.changes().stream()
                .map(change -> change.server() + " " + change.status() + " at " + seconds(killedAt, change.at()))
                .toList());
        kill.put("peopleWhoStoppedBeforeTheEnd", List.copyOf(stopped));
        kill.put("startsSkippedBecauseTooManyWereInFlight", Map.of("intake", intake.skipped(), "followUps",
                followUps.skipped(), "help", help.skipped()));
        kill.put("intakeRetriedWithTheSameKey", servers.retried.get());
        kill.put("intakeAnsweredAsReplayed", servers.replayed.get());
        kill.put("chatLinesSentAgain", chats.resent.get());
        kill.put("chatConnectionsLost", chats.lostConnections.get());
        kill.put("chatsAcrossNodes", chats.acrossNodes.get());
        kill.put("chatsOnOneNode", chats.onOneNode.get());
        List<Map<String, Object>> again = new ArrayList<>();
        for (ConsoleAgents.SignedInAgain signedIn : agents.signedInAgain) {
            if (killedAt != null && !signedIn.lost().isBefore(killedAt) && (backAt == null
                    || signedIn.lost().isBefore(backAt))) {
                agentsBack.add(seconds(killedAt, signedIn.again()));
            }
            again.add(Map.of("agent", signedIn.agent(), "sessionLostSecondsAfterKill",
                    seconds(killedAt, signedIn.lost()), "signedInAgainSecondsAfterKill",
                    seconds(killedAt, signedIn.again())));
        }
        kill.put("agentsSignedInAgain", again);
        kill.put("loadStartedAt", startedAt.toString());
    }

    interface Step {
        void run() throws Exception;
    }

    /** An agent or chat pair that gives up is noted for the report; the others go on. */
    private static void noting(Queue<String> stopped, String who, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            stopped.add(who + ": " + e);
        }
    }

    private static void unlessBroken(AtomicReference<Exception> broken, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            broken.compareAndSet(null, e);
            e.printStackTrace();
        }
    }

    /**
     * Kills the chosen node with SIGKILL at the chosen moment, notes when the balancer noticed and
     * when the dead node's unfinished event publications were done, starts it again
     * {@code restartAfter} seconds later and notes when it is back in the balancer.
     */
    private void killAndRestart(long loadStart) throws Exception {
        SoakNode victim = nodes.get(victimName);
        TimeUnit.NANOSECONDS.sleep(loadStart + TimeUnit.SECONDS.toNanos(killAfter) - System.nanoTime());
        Map<String, Map<String, Long>> before = balancer.countersIfReadable();
        kill.put("publicationsUnfinishedJustBeforeTheKill", unfinishedPublications(Instant.now()).size());
        traffic.phase("2 kill until the balancer noticed");
        boolean inUse = balancer.sendsTo(victimName);
        killedAt = Instant.now();
        victim.kill();
        System.out.printf("node %s killed at %s%n", victimName, killedAt);
        Set<UUID> unfinished = unfinishedPublications(killedAt);
        kill.put("node", victimName);
        kill.put("killedAt", killedAt.toString());
        kill.put("secondsIntoTheLoad", killAfter);
        kill.put("publicationsUnfinishedAtTheKill", unfinished.size());
        Thread takeover = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < 900 && !unfinished.isEmpty(); i++) {
                    TimeUnit.SECONDS.sleep(1);
                    unfinished.retainAll(unfinishedPublications(killedAt));
                }
                publicationsDoneAt = unfinished.isEmpty() ? Instant.now() : null;
                kill.put("publicationsUnfinishedAtTheKillAllDoneAfterSeconds",
                        unfinished.isEmpty() ? seconds(killedAt, publicationsDoneAt) : "not within 15 minutes");
            } catch (Exception e) {
                kill.put("publicationsUnfinishedAtTheKillAllDoneAfterSeconds", "unknown: " + e);
            }
        });
        if (!inUse) {
            // a busy node failed its health checks before: the balancer had taken it out already
            noticedAt = killedAt;
            kill.put("balancerHadTakenTheNodeOutBeforeTheKill", true);
        }
        for (int i = 0; i < 600 && noticedAt == null; i++) {
            TimeUnit.MILLISECONDS.sleep(100);
            noticedAt = balancer.firstChange(victimName, "DOWN", killedAt);
        }
        traffic.phase("3 one node, until the dead one was back");
        kill.put("balancerNoticedAfterSeconds", noticedAt == null ? "not within a minute" : seconds(killedAt, noticedAt));
        Map<String, Map<String, Long>> atNotice = balancer.countersIfReadable();
        TimeUnit.MILLISECONDS.sleep(Duration.between(Instant.now(), killedAt.plusSeconds(restartAfter)).toMillis());
        Instant restartedAt = Instant.now();
        victim.start();
        kill.put("restartedSecondsAfterKill", seconds(killedAt, restartedAt));
        try {
            kill.put("restartedNodeReadyAfterSeconds", Traffic.round(victim.awaitReady(Duration.ofMinutes(10))));
            restartedReadyAt = Instant.now();
        } catch (IllegalStateException notReady) {
            kill.put("restartedNodeReadyAfterSeconds", "not within 10 minutes");
        }
        for (int i = 0; i < 600 && backAt == null; i++) {
            TimeUnit.MILLISECONDS.sleep(100);
            backAt = balancer.firstChange(victimName, "UP", restartedAt);
        }
        traffic.phase("4 both nodes again");
        kill.put("backInTheBalancerSecondsAfterKill", backAt == null ? "not within a minute" : seconds(killedAt, backAt));
        kill.put("balancerCountersFromKillUntilNoticed", Balancer.difference(before, atNotice));
        kill.put("balancerCountersFromKillUntilBack", Balancer.difference(before, balancer.countersIfReadable()));

        System.out.printf("node %s back in the balancer %s s after the kill%n", victimName,
                kill.get("backInTheBalancerSecondsAfterKill"));
        takeover.join(Duration.ofMinutes(16));
    }

    // ---- settling and checking --------------------------------------------------------------------------

    /**
     * Waits until every event publication older than a minute has completed (at most --settle
     * seconds, at least a minute): the sweeps keep firing warnings for the last tickets of the load,
     * so the newest publications are always on their way.
     */
    private long settle() throws Exception {
        long start = System.nanoTime();
        System.out.println("load over; waiting for the nodes to finish their work");
        balancer.stopWatching();
        awaitPublications(Duration.ofSeconds(options.integer("settle", 300)), Duration.ofSeconds(60));
        long minimum = TimeUnit.SECONDS.toNanos(60) - (System.nanoTime() - start);
        if (minimum > 0) {
            TimeUnit.NANOSECONDS.sleep(minimum);
        }
        return (System.nanoTime() - start) / 1_000_000_000L;
    }

    private List<SoakChecks.Check> check(long waited) throws Exception {
        System.out.println("checking");
        Instant at = Instant.now();
        try (Connection db = connect()) {
            SoakChecks checks = new SoakChecks(db, game, GAME, API_KEY, List.copyOf(nodes.values()), acknowledged);
            checks.load();
            checks.tickets("api", "every ticket a game server was answered 201 for is stored once, under its key");
            checks.tickets("help", "every help-center ticket answered with its private link is stored once");
            checks.messages();
            Map<UUID, List<String>> chatLines = checks.chats();
            checks.readableThroughEitherNode(chatLines);
            checks.publications(at, Duration.ofSeconds(60), waited);
            checks.serviceLevels(at, Duration.ofSeconds(90), killedAt, backAt);
            checks.automation(aging, timeRules, at, Duration.ofSeconds(120));
            Map<String, Object> failures = new LinkedHashMap<>();
            List<Traffic.Failure> all = traffic.failures();
            failures.put("all", all.size());
            Map<String, Long> byOrigin = new TreeMap<>();
            all.forEach(f -> byOrigin.merge(f.origin(), 1L, Long::sum));
            failures.put("byOrigin", byOrigin);
            failures.put("sentBeforeTheKill", all.stream().filter(f -> killedAt == null || f.sent().isBefore(killedAt))
                    .count());
            failures.put("sentFromTheKillUntilTheBalancerNoticed", all.stream().filter(f -> killedAt != null
                    && !f.sent().isBefore(killedAt) && (noticedAt == null || f.sent().isBefore(noticedAt))).count());
            failures.put("sentAfterTheDeadNodeWasBack", all.stream().filter(f -> backAt != null
                    && f.sent().isAfter(backAt)).count());
            checks.noFailuresAfterTheBalancerNoticed(all, noticedAt, failures);
            checks.noServerErrorsFromTheNodes(all);
            kill.put("failures", all.stream().sorted(Comparator.comparing(Traffic.Failure::sent)).limit(60)
                    .map(f -> Map.of("kind", f.kind(), "sentSecondsAfterKill",
                            killedAt == null ? "-" : seconds(killedAt, f.sent()), "origin", f.origin(), "what", f.what()))
                    .toList());
            report.put("takeover", takeover(all));
            for (SoakChecks.Check check : checks.checks()) {
                System.out.printf("  %s %s%n", check.passed() ? "passed:" : "FAILED:", check.name());
            }
            return checks.checks();
        }
    }

    /**
     * How long until the survivor had taken over the dead node's work, from the kill: the
     * balancer's notice, the last request that failed at the balancer, agents signed in again,
     * chat connections back, and the event publications the dead node left unfinished done.
     */
    private Map<String, Object> takeover(List<Traffic.Failure> failures) {
        Map<String, Object> takeover = new LinkedHashMap<>();
        if (killedAt == null) {
            return takeover;
        }
        takeover.put("balancerNoticedAfterSeconds", noticedAt == null ? "never" : seconds(killedAt, noticedAt));
        takeover.put("lastRequestFailedAtTheBalancerSentAfterSeconds", failures.stream()
                .filter(f -> f.origin().equals(Traffic.AT_THE_BALANCER) && !f.sent().isBefore(killedAt))
                .map(f -> seconds(killedAt, f.sent())).max(Double::compare).orElse(0.0));
        takeover.put("agentsWhoseSessionDiedWithTheNode", agentsBack.size());
        takeover.put("allOfThemSignedInAgainAfterSeconds", agentsBack.stream().max(Double::compare).orElse(0.0));
        Map<String, Object> figures = traffic.figures(seconds);
        for (String kind : List.of(ChatPairs.PLAYER_BACK, ChatPairs.AGENT_BACK)) {
            if (figures.get(kind) instanceof Map<?, ?> back) {
                takeover.put(kind + ": connections", back.get("requests"));
                takeover.put(kind + ": the last back after seconds", Traffic.round(((Number) back.get("max"))
                        .doubleValue() / 1000));
            }
        }
        if (publicationsDoneAt != null) {
            takeover.put("publicationsUnfinishedAtTheKillDoneAfterSeconds", seconds(killedAt, publicationsDoneAt));
            takeover.put("publicationsDoneBy", restartedReadyAt == null || publicationsDoneAt.isBefore(restartedReadyAt)
                    ? "the survivor, before the dead node was back"
                    : "after the dead node was back (a node hands its unfinished publications over again at start)");
        }
        return takeover;
    }

    private Map<String, Object> runFigures(String loadAtStart) throws Exception {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("date", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
        run.put("commit", options.text("commit", "unknown"));
        run.put("minutes", seconds / 60);
        run.put("killedNode", victimName);
        run.put("killAfterSeconds", killAfter);
        run.put("restartAfterSeconds", restartAfter);
        run.put("attachments", options.text("files", "shared-folder").equals("database")
                ? "in the database (playerdesk.files.store=database)" : "one data folder both nodes share");
        Map<String, Object> rates = new LinkedHashMap<>();
        for (String setting : LOAD.keySet()) {
            rates.put(setting, load(setting));
        }
        rates.put("aging", aging());
        run.put("load", rates);
        run.put("nodeOptions", options.text("node-options", "-Xmx512m"));
        run.put("balancer", options.text("haproxy-version", "HAProxy"));
        run.put("cpuModel", cpuModel());
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("loadAverageAtStart", loadAtStart);
        run.put("loadAverageAtEnd", Files.readString(Path.of("/proc/loadavg")).strip());
        run.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection db = connect()) {
            run.put("database", single(db, "select version()"));
        }
        return run;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** How many tickets are made old for the time rules: one per ten seconds of load unless given. */
    private int aging() {
        return options.integer("aging", Math.max(10, seconds / 10));
    }

    /** Publications not completed yet that were published before {@code before}. */
    private Set<UUID> unfinishedPublications(Instant before) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(
                "select id from event_publication where completion_date is null and publication_date <= ?")) {
            query.setTimestamp(1, Timestamp.from(before));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** Waits until no publication older than {@code age} is incomplete. */
    private void awaitPublications(Duration atMost, Duration age) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Connection db = connect()) {
            while (System.nanoTime() < deadline) {
                long left = single(db, "select count(*) from event_publication where completion_date is null "
                        + "and publication_date < ?", Timestamp.from(Instant.now().minus(age)));
                if (left == 0) {
                    return;
                }
                TimeUnit.SECONDS.sleep(2);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc, user, password);
    }

    @SuppressWarnings("unchecked")
    private static <T> T single(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("nothing found: " + sql);
                }
                return (T) rows.getObject(1);
            }
        }
    }

    private static int update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static double seconds(Instant from, Instant to) {
        return from == null || to == null ? -1 : Math.round(Duration.between(from, to).toMillis() / 100.0) / 10.0;
    }

    private static String cpuModel() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown";
    }
}

package org.playerdesk.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs the scenarios against a running node and writes their figures: the console pages (inbox,
 * ticket, search), a mixed day of 50 agents, and ticket intake through the game API at 1, 16 and
 * 64 clients. Intake runs last, so that the pages are measured on the data set as generated.
 *
 * <pre>RunScenarios --base http://127.0.0.1:18080 --jdbc jdbc:postgresql://... --out scenarios.json</pre>
 */
public final class RunScenarios {

    private static final List<String> INBOXES = List.of(
            "/console/tickets",
            "/console/tickets?view=all&status=open",
            "/console/tickets?view=unassigned",
            "/console/tickets?view=all&type=payment&sort=newest",
            "/console/tickets?view=all&status=pending_player&priority=high",
            "/console/tickets?view=all&sort=updated&page=2",
            "/console/tickets?view=mine&sort=priority");
    private static final List<String> WORDS = List.of("充值", "refund", "闪退", "外挂", "login", "兑换码", "crash");
    private static final List<String> STATUS_MOVES = List.of("open", "pending_player", "pending_internal");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String apiKey;
    private final Samples samples;
    private final Duration warmup;
    private final Duration measured;
    private CpuTime cpu;

    private RunScenarios(String base, String apiKey, Samples samples, Duration warmup, Duration measured) {
        this.base = base;
        this.apiKey = apiKey;
        this.samples = samples;
        this.warmup = warmup;
        this.measured = measured;
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        Samples samples = Samples.load(arguments.required("jdbc"), arguments.text("user", "postgres"),
                arguments.text("password", ""));
        RunScenarios run = new RunScenarios(arguments.text("base", "http://127.0.0.1:18080"),
                arguments.text("api-key", "demo-key"), samples,
                Duration.ofSeconds(arguments.integer("warmup", 5)), Duration.ofSeconds(arguments.integer("seconds", 20)));
        Set<String> only = Set.of(arguments.text("only", "pages,search,mixed,intake").split(","));
        int pageClients = arguments.integer("page-clients", 8);
        run.cpu = new CpuTime(arguments.integer("node-pid", 0));
        List<ClosedLoop.Figures> scenarios = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        if (only.contains("pages")) {
            // with --storm N, every page scenario once more while game servers report N tickets a second
            List<Integer> storms = arguments.integer("storm", 0) > 0 ? List.of(0, arguments.integer("storm", 0)) : List.of(0);
            List<Map<String, Object>> stormFigures = new ArrayList<>();
            for (int storm : storms) {
                String suffix = storm == 0 ? "" : ", storm " + storm + " tickets/s";
                for (int clients : List.of(1, pageClients)) {
                    scenarios.add(run.console("inbox" + suffix, clients, run.storm(storm, stormFigures), console -> {
                        console.page(Samples.any(INBOXES));
                        return "inbox";
                    }));
                }
                for (int clients : List.of(1, pageClients)) {
                    scenarios.add(run.console("ticket page" + suffix, clients, run.storm(storm, stormFigures), console -> {
                        console.page("/console/tickets/" + Samples.any(samples.tickets()));
                        return "ticket page";
                    }));
                }
            }
            if (!stormFigures.isEmpty()) {
                figures.put("storms", stormFigures);
            }
        }
        if (only.contains("search")) {
            scenarios.add(run.console("search: words", pageClients, console -> {
                console.page("/console/tickets?view=all&q=" + encode(Samples.any(WORDS)));
                return "search: words";
            }));
            scenarios.add(run.console("search: account id", pageClients, console -> {
                console.page("/console/tickets?view=all&q=" + Samples.any(samples.accounts()));
                return "search: account id";
            }));
            scenarios.add(run.console("search: ticket number", pageClients, console -> {
                console.page("/console/tickets?view=all&q=%23" + Samples.any(samples.numbers()));
                return "search: ticket number";
            }));
        }
        if (only.contains("mixed")) {
            try (HeapWatch heap = new HeapWatch(run.http, run.base)) {
                scenarios.add(run.mixedDay(arguments.integer("agents", GenerateData.AGENTS)));
                heap.close();
                figures.put("heapDuringMixedDay", heap.figures());
            }
        }
        if (only.contains("intake")) {
            for (int clients : List.of(1, 16, 64)) {
                scenarios.add(ClosedLoop.run("intake", clients, run.warmup, run.measured, index -> run::openTicket));
            }
        }
        if (only.contains("storm")) {
            // the work after the answer behind a burst and a sustained storm (StormLag), after the rest
            StormLag storm = new StormLag(arguments.required("jdbc"), arguments.text("user", "postgres"),
                    arguments.text("password", ""), outage -> run.report(outage ? run.outageReport() : run.ticketBody()));
            figures.put("stormBurst", storm.burst(arguments.integer("burst-clients", 64), run.warmup,
                    Duration.ofSeconds(arguments.integer("burst-seconds", 15))));
            List<Map<String, Object>> sustained = new ArrayList<>();
            for (String rate : arguments.text("storm-rates", "300").split(",")) {
                sustained.add(storm.sustained(Integer.parseInt(rate.strip()),
                        Duration.ofSeconds(arguments.integer("storm-seconds", 600)),
                        Duration.ofSeconds(arguments.integer("storm-sample", 10))));
            }
            figures.put("stormSustained", sustained);
        }
        figures.put("scenarios", scenarios);
        figures.put("warmupSeconds", run.warmup.toSeconds());
        figures.put("measuredSeconds", run.measured.toSeconds());
        arguments.writeJson(figures);
    }

    interface ConsoleStep {
        String perform(ConsoleSession console) throws Exception;
    }

    /** Each client is its own agent, signed in through the form. */
    private ClosedLoop.Figures console(String scenario, int clients, ConsoleStep step) throws Exception {
        return console(scenario, clients, null, step);
    }

    private ClosedLoop.Figures console(String scenario, int clients, ClosedLoop.Beside beside, ConsoleStep step)
            throws Exception {
        return ClosedLoop.run(scenario, clients, warmup, measured, index -> {
            ConsoleSession console = signIn(index);
            return () -> step.perform(console);
        }, beside, cpu);
    }

    /**
     * An outage storm beside a scenario: {@code perSecond} tickets a second through the game API,
     * an open loop (a slow answer does not slow the storm down), from the scenario's start to its
     * end; what it made is added to {@code into}. Null when {@code perSecond} is 0.
     */
    private ClosedLoop.Beside storm(int perSecond, List<Map<String, Object>> into) {
        if (perSecond <= 0) {
            return null;
        }
        return endNanos -> {
            java.util.concurrent.atomic.AtomicLong made = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
            long started = System.nanoTime();
            Pace pace = Pace.start("storm", perSecond, endNanos, 400, () -> {
                try {
                    openTicket();
                    made.incrementAndGet();
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
            return () -> {
                pace.await(Duration.ofMinutes(2));
                double seconds = (System.nanoTime() - started) / 1e9;
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("askedPerSecond", perSecond);
                figures.put("made", made.get());
                figures.put("failed", failed.get());
                figures.put("skipped", pace.skipped());
                figures.put("madePerSecond", Math.round(made.get() / seconds * 10) / 10.0);
                into.add(figures);
                System.out.println("  storm: " + figures);
            };
        };
    }

    private ConsoleSession signIn(int index) throws Exception {
        String username = "%s%02d".formatted(GenerateData.AGENT_PREFIX, index % GenerateData.AGENTS + 1);
        return ConsoleSession.signIn(http, base, username, "playerdesk");
    }

    /**
     * A working day compressed: every agent reads (80%: ticket pages, inboxes, searches) and
     * writes (20%: replies, status changes, and game servers reporting new tickets).
     */
    private ClosedLoop.Figures mixedDay(int agents) throws Exception {
        return ClosedLoop.run("mixed day", agents, warmup, measured.plusSeconds(10), index -> {
            ConsoleSession console = signIn(index);
            return () -> {
                int roll = ThreadLocalRandom.current().nextInt(100);
                if (roll < 40) {
                    console.page("/console/tickets/" + Samples.any(samples.tickets()));
                    return "read: ticket page";
                } else if (roll < 70) {
                    console.page(Samples.any(INBOXES));
                    return "read: inbox";
                } else if (roll < 80) {
                    console.page("/console/tickets?view=all&q=" + (roll % 2 == 0 ? encode(Samples.any(WORDS))
                            : Samples.any(samples.accounts())));
                    return "read: search";
                } else if (roll < 88) {
                    UUID ticket = Samples.any(samples.activeTickets());
                    console.submit("/console/tickets/" + ticket + "/reply",
                            Map.of("body", "您好，我们已经在处理您的问题。We are looking into it.", "then", "pending_player"));
                    return "write: reply";
                } else if (roll < 93) {
                    UUID ticket = Samples.any(samples.activeTickets());
                    console.submit("/console/tickets/" + ticket + "/status", Map.of("status", Samples.any(STATUS_MOVES)));
                    return "write: status";
                } else {
                    openTicket();
                    return "write: new ticket";
                }
            };
        });
    }

    /** A game server reports a ticket, with an idempotency key, mostly for players support already knows. */
    private String openTicket() throws Exception {
        HttpResponse<String> answer = post(ticketBody());
        if (answer.statusCode() != 201) {
            throw new java.io.IOException("POST /api/v1/tickets: " + answer.statusCode() + " " + answer.body());
        }
        return "intake";
    }

    private static final List<String> OUTAGE_SUBJECTS = List.of("登不上了", "一直掉线", "服务器崩了吗", "can't log in",
            "keep getting disconnected", "server down?");
    private static final List<String> OUTAGE_MESSAGES = List.of("从刚才开始就登不上，一直转圈，重启也没用",
            "打到一半掉线了，重连好几次都连不上", "服务器是不是崩了，全公会的人都进不去",
            "I can't log in since ten minutes ago, stuck on loading", "disconnected in the middle of a raid, lost connection again",
            "server down? whole guild got kicked");

    /**
     * An outage report of one of four servers, in a wording the outage grouping recognises, each
     * from a player of its own: a known player's server could be changed meanwhile by an ordinary
     * report of the same account, and the report would count for another server.
     */
    Map<String, Object> outageReport() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String account = "outage-" + UUID.randomUUID();
        int wording = random.nextInt(OUTAGE_SUBJECTS.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("player", Map.of("accountId", account, "nickname", Samples.any(Texts.NICKNAMES), "server",
                "S" + (1 + random.nextInt(4)), "role", Samples.any(Texts.ROLES)));
        body.put("type", "bug");
        body.put("subject", OUTAGE_SUBJECTS.get(wording));
        body.put("message", OUTAGE_MESSAGES.get(wording));
        body.put("priority", "normal");
        return body;
    }

    /** An ordinary report: any type, in Chinese or English. */
    Map<String, Object> ticketBody() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String account = random.nextInt(10) == 0 ? "new-" + UUID.randomUUID() : Samples.any(samples.accounts());
        boolean chinese = random.nextInt(10) < 6;
        String type = Samples.any(Texts.TYPES);
        Texts.Topic topic = Texts.TOPICS.get(type);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("player", Map.of("accountId", account, "nickname", Samples.any(Texts.NICKNAMES), "server",
                "S" + (1 + random.nextInt(40)), "role", Samples.any(Texts.ROLES)));
        body.put("type", type);
        body.put("subject", Samples.any(chinese ? topic.subjectsZh() : topic.subjectsEn()));
        body.put("message", Samples.any(chinese ? topic.bodiesZh() : topic.bodiesEn()));
        body.put("priority", List.of("low", "normal", "normal", "normal", "high", "urgent").get(random.nextInt(6)));
        body.put("metadata", Map.of("clientVersion", "2.3." + random.nextInt(10), "device", Samples.any(Texts.DEVICES),
                "zone", Samples.any(Texts.ZONES)));
        return body;
    }

    /** Sends a report with an idempotency key of its own; true when it was acknowledged (201). */
    boolean report(Map<String, Object> body) throws Exception {
        return post(body).statusCode() == 201;
    }

    private HttpResponse<String> post(Map<String, Object> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(Arguments.JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

package org.playerdesk.knowledge.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.PlayerDeskApplication;
import org.playerdesk.knowledge.ArticleHit;
import org.playerdesk.knowledge.ArticleSearch;
import org.playerdesk.knowledge.TicketFinder;
import org.playerdesk.knowledge.TicketHit;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A PlayerDesk node in a process of its own for {@code SearchClusterIT}, so that the test can
 * kill it with SIGKILL: the application, started with the arguments given, then one command a
 * line on standard input (fields separated by tabs) and one answer a line on standard output,
 * marked with {@link #ANSWER} among the application's log lines:
 * <ul>
 * <li>{@code article <game id> <title> <body>}: publishes a public article; its id</li>
 * <li>{@code ticket <game id> <account> <subject> <message>}: a player's ticket; its number</li>
 * <li>{@code articles <game id> <query>}: the help center's search; the ids, comma-separated</li>
 * <li>{@code tickets <query>}: the console's ticket search; the numbers, comma-separated</li>
 * <li>{@code late <game id> <n>}: n tickets and n articles about a maintenance's compensation,
 * one after the other with no round trip between them; the tickets' numbers, comma-separated,
 * a semicolon, the articles' ids</li>
 * </ul>
 * An answer is {@code ok <value>} or {@code error <what>}. The node stops when its standard
 * input closes. The same operations serve the test's in-process node.
 */
public final class SearchNodeProcess {

    static final String ANSWER = "@@search-node ";

    private SearchNodeProcess() {
    }

    public static void main(String[] args) throws IOException {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PlayerDeskApplication.class).run(args);
        System.out.println(ANSWER + "ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] field = line.split("\t", -1);
            String answer;
            try {
                answer = "ok " + switch (field[0]) {
                    case "article" -> article(context, UUID.fromString(field[1]), field[2], field[3]);
                    case "ticket" -> open(context, UUID.fromString(field[1]), field[2], field[3], field[4]);
                    case "articles" -> join(articles(context, UUID.fromString(field[1]), field[2]));
                    case "tickets" -> join(tickets(context, field[1]));
                    case "late" -> late(context, UUID.fromString(field[1]), Integer.parseInt(field[2]));
                    default -> throw new IllegalArgumentException("unknown command " + field[0]);
                };
            } catch (RuntimeException e) {
                answer = "error " + e.toString().replace('\n', ' ');
            }
            System.out.println(ANSWER + answer);
        }
        context.close();
        System.exit(0);
    }

    /** Publishes a public article of the game; its id. */
    static UUID article(ApplicationContext context, UUID game, String title, String body) {
        return context.getBean(KnowledgeBase.class).create(game, new ArticleForm("zh-CN", "", "public", false, title,
                body, "", null), "tester", true).getId();
    }

    /** A player's ticket on the web form; its number. */
    static long open(ApplicationContext context, UUID game, String account, String subject, String message) {
        return context.getBean(TicketDesk.class).open(new NewTicket(game, new PlayerIdentity(account, "玩家" + account,
                "S1", null), "consultation", "web", null, subject, message, null, Map.of(), false), List.of())
                .ticket().number();
    }

    /** The help center's search: published public articles of the game. */
    static List<UUID> articles(ApplicationContext context, UUID game, String query) {
        return context.getBean(ArticleSearch.class).search(game, null, query, false, 50).stream().map(ArticleHit::id)
                .toList();
    }

    /** The console's ticket search, as an administrator (every game). */
    static List<Long> tickets(ApplicationContext context, String query) {
        return context.getBean(TicketFinder.class).find(null, query, 50).stream().map(TicketHit::number).toList();
    }

    private static String late(ApplicationContext context, UUID game, int n) {
        List<Long> tickets = new java.util.ArrayList<>();
        List<UUID> articles = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            tickets.add(open(context, game, "late" + i, "停服补偿没有收到 " + i, "维护补偿邮件没有收到"));
            articles.add(article(context, game, "维护补偿领取说明 " + i, "停服维护结束后补偿通过邮件发放。"));
        }
        return join(tickets) + ";" + join(articles);
    }

    private static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}

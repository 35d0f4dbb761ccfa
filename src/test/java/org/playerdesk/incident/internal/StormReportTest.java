package org.playerdesk.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.Incidents;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * What a new ticket tells the outage grouping: whether its subject or the player's opening words
 * speak of an outage, and the server, from the player or else from the ticket's own metadata.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class StormReportTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    Incidents incidents;
    @Autowired
    StormGrouping grouping;

    private Optional<StormGrouping.Report> report(GameInfo game, String server, Map<String, String> metadata,
            String subject, String words) {
        return report(game, server, metadata, subject, words, null);
    }

    private Optional<StormGrouping.Report> report(GameInfo game, String server, Map<String, String> metadata,
            String subject, String words, String later) {
        TicketView ticket = desk.open(new NewTicket(game.id(),
                new PlayerIdentity(workspace.unique("p"), "玩家", server, null), "other", "web", null, subject, words,
                null, metadata, false), List.of()).ticket();
        if (later != null) {
            desk.reply(ticket.id(), Actor.player(ticket.playerId(), "玩家"), later, List.of(), null);
        }
        return grouping.reportOf(new TicketCreated(ticket.id(), game.id(), ticket.number(), ticket.playerId(),
                ticket.type(), ticket.channel(), ticket.priority(), null, ticket.createdAt()));
    }

    @Test
    void theOpeningWordsOrTheSubjectMakeAnOutageReportWithThePlayersServerOrElseTheTicketsOwn() {
        GameInfo game = workspace.game();
        incidents.configureGrouping(game.id(), true, "10", "20");

        assertThat(report(game, "S3", Map.of("server", "S9"), "求助", "又掉线了！！！"))
                .map(StormGrouping.Report::server).contains("S3");
        assertThat(report(game, null, Map.of("server", "S9"), "Server problem", "keep getting disconnected"))
                .map(StormGrouping.Report::server).contains("S9");
        assertThat(report(game, null, Map.of("zone", "Z2"), "掉线", "登不上游戏，一直转圈"))
                .map(StormGrouping.Report::server).contains("Z2");
        // the outage is in the subject only; the opening words are an ordinary question
        assertThat(report(game, null, Map.of(), "服务器又崩了吗？", "请问什么时候补偿")).isPresent();
        // an ordinary question is no report, whatever the player writes after it
        assertThat(report(game, "S3", Map.of("server", "S9"), "咨询", "充值卡怎么使用？", "又掉线了！！！")).isEmpty();

        // the game stops grouping: its next outage report is not weighed
        incidents.configureGrouping(game.id(), false, "10", "20");
        assertThat(report(game, "S3", Map.of(), "掉线", "又掉线了！！！")).isEmpty();
    }

    @Test
    void aGameThatDoesNotGroupStormsGetsNoReport() {
        GameInfo game = workspace.game();
        incidents.configureGrouping(game.id(), false, "10", "20");
        assertThat(report(game, "S3", Map.of(), "掉线", "又掉线了！！！")).isEmpty();
    }
}

package org.playerdesk.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.BulkTicketAction;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * "Apply a macro" among the inbox's bulk actions: a macro of one of the reader's games, applied to
 * each ticket exactly as the ticket page's reply kit applies it ({@link ReplyKit#apply}): the reply
 * with its variables filled in for that ticket, then its status, type, priority and tags.
 */
@Component
class MacroBulkAction implements BulkTicketAction {

    private final ReplyKit kit;
    private final ServedGames served;

    MacroBulkAction(ReplyKit kit, ServedGames served) {
        this.kit = kit;
        this.served = served;
    }

    @Override
    public String code() {
        return "macro";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public String labelKey() {
        return "kb.bulk.macro";
    }

    /** The macros of every game the reader serves, each named with its game when there are several. */
    @Override
    public List<Choice> choices(StaffUser reader) {
        List<GameInfo> games = served.of(reader);
        List<Choice> choices = new ArrayList<>();
        for (GameInfo game : games) {
            for (Macro macro : kit.macros(game.id())) {
                choices.add(Choice.named(macro.getId().toString(),
                        games.size() > 1 ? game.name() + " · " + macro.name() : macro.name()));
            }
        }
        return choices;
    }

    @Override
    public void apply(TicketView ticket, String value, StaffMember agent) {
        Macro macro = kit.macro(UUID.fromString(value));
        if (!macro.gameId().equals(ticket.gameId())) {
            throw new RuleViolation("kb.macro.other-game", "the macro belongs to another game", macro.name());
        }
        kit.apply(macro.getId(), ticket, BulkTicketAction.actor(agent));
    }
}

package org.playerdesk.channel.help;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.StoredAttachment;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.Upload;
import org.playerdesk.ticket.Visibility;
import org.springframework.stereotype.Component;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * What a player can do on the help center: open a ticket, and through its private link read
 * the public conversation, reply, and fetch public attachments. The private link is the
 * player's only credential, so every lookup checks it against the game in the address and
 * answers "not found" alike for a wrong link and for another game's link.
 */
@Component
class HelpCenter {

    private final GameCatalog games;
    private final TicketDesk desk;
    private final TicketQueries queries;
    private final PlayerDirectory players;
    private final ConflictRetry retry;
    private final InputValidation validation;

    HelpCenter(GameCatalog games, TicketDesk desk, TicketQueries queries, PlayerDirectory players,
            ConflictRetry retry, InputValidation validation) {
        this.games = games;
        this.desk = desk;
        this.queries = queries;
        this.players = players;
        this.retry = retry;
        this.validation = validation;
    }

    /** The answers the help center requires, under the desk's field names. */
    record RequiredAnswers(
            @NotBlank(message = "{invalid.choose}") String type,
            @NotBlank(message = "{invalid.blank}") String subject,
            @NotBlank(message = "{invalid.blank}") String message,
            @Valid Player player,
            @NotBlank(message = "{invalid.blank}") String contactEmail) {

        record Player(@NotBlank(message = "{invalid.blank}") String accountId) {
        }

        static RequiredAnswers of(TicketForm form) {
            return new RequiredAnswers(form.type(), form.subject(), form.description(),
                    new Player(form.accountId()), form.email());
        }
    }

    GameInfo game(String code) {
        if (code == null) {
            throw new NotFoundException("game", "of the help center");
        }
        return games.byCode(code).orElseThrow(() -> new NotFoundException("game", "of the help center"));
    }

    /**
     * Opens a web ticket with a private link. The help center asks for everything the desk
     * requires and, unlike the in-game API, for a contact email: a player on the web has no
     * other way to be reached. Missing answers are named here, all at once; the desk's own
     * rules (lengths, control characters, known types, files) are checked by the desk.
     */
    Opened submit(GameInfo game, TicketForm form, List<Upload> uploads) {
        validation.check(RequiredAnswers.of(form));
        PlayerIdentity player = new PlayerIdentity(form.accountId(), form.nickname(), form.server(), null);
        return desk.open(new NewTicket(game.id(), player, form.type(), TicketChannel.WEB.code(), null,
                form.subject(), form.description(), form.email(), null, true), uploads);
    }

    /** The ticket this private link opens, if the link is genuine and was given out by this game. */
    FollowedTicket follow(String gameCode, String token) {
        GameInfo game = game(gameCode);
        return queries.byFollowToken(token)
                .filter(ticket -> ticket.gameId().equals(game.id()))
                .map(ticket -> new FollowedTicket(game, ticket, token))
                .orElseThrow(() -> new NotFoundException("ticket", "of a private link"));
    }

    /** The public conversation, oldest first; internal notes are never read for a player. */
    List<ConversationEntry> conversation(FollowedTicket followed, ZoneId zone) {
        return queries.details(followed.ticket().id(), false).messages().stream()
                .filter(message -> message.visibility() == Visibility.PUBLIC)
                .map(message -> ConversationEntry.of(message, zone))
                .toList();
    }

    /**
     * The player answers; the desk reopens a resolved ticket and refuses a closed one. When an
     * agent or a rule changed the ticket at the same moment, the reply applies to the new state.
     */
    void reply(FollowedTicket followed, String message, List<Upload> uploads) {
        String name = players.get(followed.ticket().playerId()).displayName();
        Actor player = Actor.player(followed.ticket().playerId(), name);
        retry.run(() -> desk.reply(followed.ticket().id(), player, message, uploads, null));
    }

    /** A public attachment of this ticket; internal ones and other tickets' files are "not found". */
    StoredAttachment attachment(FollowedTicket followed, UUID attachmentId) {
        return queries.attachment(followed.ticket().id(), attachmentId, false);
    }
}

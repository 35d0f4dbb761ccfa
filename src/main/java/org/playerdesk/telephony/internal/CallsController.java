package org.playerdesk.telephony.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.PersonalData;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The agents' phone page ({@code /console/calls}): log a call in one step, and the recent calls of
 * their games with filters; and the card of the call ringing for them or answered by them, which
 * every console page asks for ({@code /console/calls/card}).
 */
@Controller
@RequestMapping("/console/calls")
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class CallsController {

    static final int SHOWN_MAX = 100;
    static final int OPEN_TICKETS_SHOWN = 5;

    /** One call of the list. */
    record Row(Call call, String game, String caller, String number, String agent, Long ticketNumber, String duration) {
    }

    /** A call on the agent's card: the caller (null when no player is known by the number) and their open tickets. */
    record Card(Call call, String game, PlayerSummary player, String number, List<TicketView> openTickets) {
    }

    private final CallLog log;
    private final CallRecords calls;
    private final GameCatalog games;
    private final PlayerDirectory players;
    private final TicketQueries tickets;
    private final StaffDirectory staff;
    private final PersonalData personal;
    private final ErrorTexts texts;
    private final Clock clock;
    private final Duration cardAfterCall;

    CallsController(CallLog log, CallRecords calls, GameCatalog games, PlayerDirectory players, TicketQueries tickets,
            StaffDirectory staff, PersonalData personal, ErrorTexts texts, Clock clock,
            @Value("${playerdesk.telephony.card-after-call:PT10M}") Duration cardAfterCall) {
        this.log = log;
        this.calls = calls;
        this.games = games;
        this.players = players;
        this.tickets = tickets;
        this.staff = staff;
        this.personal = personal;
        this.texts = texts;
        this.clock = clock;
        this.cardAfterCall = cardAfterCall;
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffUser me, @RequestParam(required = false) String call,
            @RequestParam(required = false) String game, @RequestParam(required = false) String direction,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String day,
            @RequestParam(defaultValue = "false") boolean mine, Model model) {
        CallForm form = prefilled(me, call);
        model.addAttribute("form", form);
        list(me, game, direction, outcome, day, mine, model);
        return "telephony/calls";
    }

    @PostMapping
    String logCall(@AuthenticationPrincipal StaffUser me, @ModelAttribute CallForm form, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            CallLog.Logged logged = log.log(form, me);
            redirect.addFlashAttribute("notice", logged.opened() ? "phone.logged.opened" : "phone.logged.added");
            redirect.addFlashAttribute("loggedTicket", logged.ticket().id());
            return "redirect:/console/calls";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", texts.firstByField(invalid, locale));
            list(me, null, null, null, null, false, model);
            return "telephony/calls";
        }
    }

    /** The calls ringing for this agent or answered by them, and those just ended not logged yet. */
    @GetMapping("/card")
    String card(@AuthenticationPrincipal StaffUser me, Model model) {
        List<Card> cards = new ArrayList<>();
        for (Call call : calls.onCardOf(me.id(), clock.instant().minus(cardAfterCall))) {
            if (!me.serves(call.gameId())) {
                continue;
            }
            PlayerSummary player = call.playerId() == null ? null : players.get(call.playerId());
            List<TicketView> open = player == null ? List.of()
                    : tickets.byPlayer(call.gameId(), player.id(), CallLog.TICKETS_LOOKED_AT).stream()
                            .filter(t -> TicketStatus.ACTIVE.contains(t.status())).limit(OPEN_TICKETS_SHOWN).toList();
            cards.add(new Card(call, games.get(call.gameId()).name(), player, personal.phone(call.callerNumber()),
                    open));
        }
        model.addAttribute("cards", cards);
        return "telephony/card :: card";
    }

    /** The form, filled in from a reported call when the agent logs it from its card. */
    private CallForm prefilled(StaffUser me, String callId) {
        if (callId == null) {
            return new CallForm(null, null, null, null, CallDirection.INBOUND.code(), null, null, null, null, null,
                    null, null);
        }
        Call call;
        try {
            call = calls.get(UUID.fromString(callId)).filter(c -> me.serves(c.gameId())).orElse(null);
        } catch (IllegalArgumentException e) {
            call = null;
        }
        if (call == null) {
            return prefilled(me, null);
        }
        GameInfo game = games.get(call.gameId());
        String account = call.playerId() == null ? null : players.get(call.playerId()).accountId();
        ZoneId zone = ZoneId.of(games.profile(game.id()).timeZone());
        String started = LocalDateTime.ofInstant(call.startedAt(), zone).truncatedTo(ChronoUnit.MINUTES).toString();
        String duration = call.talkSeconds() == null ? null : CallNotes.length(call.talkSeconds());
        return new CallForm(call.id().toString(), game.code(), account, null, call.direction().code(), started,
                duration, null, null, null, null, null);
    }

    private void list(StaffUser me, String game, String direction, String outcome, String day, boolean mine,
            Model model) {
        List<GameInfo> served = games.servedBy(me.gameScope());
        Map<UUID, GameInfo> byId = served.stream().collect(Collectors.toMap(GameInfo::id, Function.identity()));
        Set<UUID> shown = game == null || game.isBlank() ? byId.keySet()
                : served.stream().filter(g -> g.code().equals(game)).map(GameInfo::id).collect(Collectors.toSet());
        LocalDate date = day(day);
        // a day of one game is its local day; of several, the day in UTC
        ZoneId zone = shown.size() == 1 ? ZoneId.of(games.profile(shown.iterator().next()).timeZone()) : ZoneId.of("UTC");
        CallRecords.Filter filter = new CallRecords.Filter(shown, code(CallDirection.class, direction),
                code(CallOutcome.class, outcome), mine ? me.id() : null,
                date == null ? null : date.atStartOfDay(zone).toInstant(),
                date == null ? null : date.plusDays(1).atStartOfDay(zone).toInstant());
        List<Call> found = calls.recent(filter, SHOWN_MAX);
        Map<UUID, PlayerSummary> callers = players.byIds(found.stream().map(Call::playerId).filter(Objects::nonNull)
                .distinct().toList());
        Map<UUID, StaffMember> agents = staff.byIds(found.stream().map(Call::agentId).filter(Objects::nonNull)
                .distinct().toList());
        Map<UUID, Long> numbers = tickets.byIds(found.stream().map(Call::ticketId).filter(Objects::nonNull).distinct()
                .toList()).stream().collect(Collectors.toMap(TicketView::id, TicketView::number));
        List<Row> rows = found.stream().map(c -> new Row(c, byId.get(c.gameId()).name(),
                c.playerId() == null || callers.get(c.playerId()) == null ? null
                        : callers.get(c.playerId()).displayName(),
                personal.phone(c.callerNumber()),
                c.agentId() == null || agents.get(c.agentId()) == null ? null : agents.get(c.agentId()).displayName(),
                c.ticketId() == null ? null : numbers.get(c.ticketId()),
                c.durationSeconds() == null ? null : CallNotes.length(c.durationSeconds()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("games", served);
        model.addAttribute("directions", CallDirection.values());
        model.addAttribute("outcomes", CallOutcome.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("filterGame", game);
        model.addAttribute("filterDirection", direction);
        model.addAttribute("filterOutcome", outcome);
        model.addAttribute("filterDay", date == null ? null : date.toString());
        model.addAttribute("filterMine", mine);
    }

    private static LocalDate day(String day) {
        try {
            return day == null || day.isBlank() ? null : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E> & org.playerdesk.system.entity.Coded> E code(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst().orElse(null);
    }
}

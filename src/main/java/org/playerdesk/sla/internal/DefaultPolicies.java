package org.playerdesk.sla.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.playerdesk.sla.CalendarForm;
import org.playerdesk.sla.CalendarView;
import org.playerdesk.sla.PolicyForm;
import org.playerdesk.sla.SlaAction;
import org.playerdesk.player.PlayerProfiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The policies every game starts with, from the service rules in the seed material (see
 * docs/service-levels.md for each figure's source): online chat answered within 5 minutes, web
 * tickets within 1 hour (30 minutes counts as satisfying, so the warning is at 50%), phone within
 * 1 minute, complaints handled within 48 hours, a reply the same day; VIP players of gold and
 * above tighter. All on the business calendar chosen when the game was registered (7×24 unless office
 * hours were chosen), in the game's time zone.
 */
@Component
@Transactional
public class DefaultPolicies {

    static final String ALWAYS = "7×24";
    static final String OFFICE = "工作日 09:00-18:00";
    private static final String ZONE = "Asia/Shanghai";

    private final JdbcClient jdbc;
    private final PolicyStore store;
    private final PlayerProfiles profiles;
    private final String goldFrom;
    private final Clock clock;
    private final org.playerdesk.game.GameCatalog games;
    /** The games whose defaults exist (a setup row is never removed). */
    private final Set<UUID> setUp = ConcurrentHashMap.newKeySet();

    DefaultPolicies(JdbcClient jdbc, PolicyStore store, PlayerProfiles profiles,
            @org.springframework.beans.factory.annotation.Value("${playerdesk.player.gold-from:gold}") String goldFrom,
            Clock clock, org.playerdesk.game.GameCatalog games) {
        this.games = games;
        this.jdbc = jdbc;
        this.store = store;
        this.profiles = profiles;
        this.goldFrom = goldFrom;
        this.clock = clock;
    }

    private void remember(UUID gameId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            setUp.add(gameId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                setUp.add(gameId);
            }
        });
    }

    /**
     * Creates the defaults of a game once: the first caller inserts the game's setup row; a
     * concurrent second one waits on that row and, once the first has committed, finds it done.
     * A game found done is remembered (every ticket's clock asks), once the reading transaction
     * has committed: the row it saw may be its own, and gone again if it rolls back.
     */
    public void ensure(UUID gameId) {
        if (setUp.contains(gameId)) {
            return;
        }
        boolean done = jdbc.sql("select count(*) from sla_setup where game_id = ?").param(gameId).query(Long.class)
                .single() > 0;
        if (done) {
            remember(gameId);
            return;
        }
        Instant now = clock.instant();
        // a concurrent first caller holds the row until it has made every default: this insert waits
        // for it and then inserts nothing, and what it made is there to read
        int first = jdbc.sql("insert into sla_setup (game_id, created_at) values (?, ?) on conflict do nothing")
                .param(gameId).param(java.sql.Timestamp.from(now)).update();
        if (first == 0) {
            return;
        }
        // the game's own time zone, and the business calendar chosen when it was registered
        var game = games.profile(gameId);
        String zone = game.timeZone() == null ? ZONE : game.timeZone();
        CalendarView always = store.addCalendar(gameId, new CalendarForm(ALWAYS, zone, true, Map.of(), "", ""), now);
        Map<DayOfWeek, String> office = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : new DayOfWeek[] { DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY }) {
            office.put(day, "09:00-18:00");
        }
        CalendarView officeHours = store.addCalendar(gameId, new CalendarForm(OFFICE, zone, false, office, "", ""), now);
        CalendarView chosen = "office".equals(game.businessHours()) ? officeHours : always;
        String cal = chosen.id().toString();
        String gold = profiles.tierCodes().contains(goldFrom) ? goldFrom : null;
        var tiers = profiles.tierCodes();
        Set<String> assignee = Set.of(SlaAction.NOTIFY_ASSIGNEE.code());
        Set<String> both = Set.of(SlaAction.NOTIFY_ASSIGNEE.code(), SlaAction.NOTIFY_LEADS.code());
        Set<String> escalate = Set.of(SlaAction.NOTIFY_ASSIGNEE.code(), SlaAction.NOTIFY_LEADS.code(),
                SlaAction.ESCALATE.code());
        Set<String> complaint = Set.of(SlaAction.NOTIFY_ASSIGNEE.code(), SlaAction.NOTIFY_LEADS.code(),
                SlaAction.RAISE_PRIORITY.code(), SlaAction.ESCALATE.code());
        Set<UUID> calendars = Set.of(always.id(), officeHours.id());
        if (gold != null) {
            add(gameId, new PolicyForm("VIP 在线客服", "chat", null, null, gold, "2", "2", null, "80", cal, assignee,
                    both), calendars, tiers, now);
            add(gameId, new PolicyForm("VIP 玩家", null, null, null, gold, "15", "30", "480", "80", cal, assignee,
                    escalate), calendars, tiers, now);
        }
        add(gameId, new PolicyForm("电话", "phone", null, null, null, "1", "60", "1440", "80", cal, assignee, both),
                calendars, tiers, now);
        add(gameId, new PolicyForm("在线客服", "chat", null, null, null, "5", "5", null, "80", cal, assignee, both),
                calendars, tiers, now);
        add(gameId, new PolicyForm("投诉", null, "complaint", null, null, "60", "1440", "2880", "50", cal, assignee,
                complaint), calendars, tiers, now);
        add(gameId, new PolicyForm("咨询", null, "consultation", null, null, "60", "1440", "1440", "50", cal,
                assignee, both), calendars, tiers, now);
        add(gameId, new PolicyForm("工单", null, null, null, null, "60", "1440", null, "50", cal, assignee, both),
                calendars, tiers, now);
    }

    private void add(UUID gameId, PolicyForm form, Set<UUID> calendars, java.util.List<String> tiers, Instant now) {
        store.addPolicy(gameId, form, calendars, tiers, now);
    }
}

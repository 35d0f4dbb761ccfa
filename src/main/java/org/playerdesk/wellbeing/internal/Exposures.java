package org.playerdesk.wellbeing.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.playerdesk.access.StaffMember;
import org.playerdesk.routing.AgentSkills;
import org.playerdesk.routing.Roster;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Works out an agent's exposure (see {@link AgentWellbeing}) from their contacts and breaks, in
 * their shift as routing rosters it and their time zone. Nobody's access is checked here.
 */
@Component
@EnableConfigurationProperties(WellbeingSettings.class)
class Exposures {

    private final Contacts contacts;
    private final Breaks breaks;
    private final RoutingSetup routing;
    private final WellbeingSettings settings;

    Exposures(Contacts contacts, Breaks breaks, RoutingSetup routing, WellbeingSettings settings) {
        this.contacts = contacts;
        this.breaks = breaks;
        this.routing = routing;
        this.settings = settings;
    }

    AgentWellbeing of(StaffMember agent, Instant now) {
        Roster roster = roster(agent);
        ShiftWindow shift = ShiftWindow.at(roster, now);
        Instant week = ShiftWindow.weekStart(roster, now);
        Instant from = shift.start().isBefore(week) ? shift.start() : week;
        List<Contact> seen = contacts.between(agent.id(), from, now);
        List<Break> rests = breaks.between(agent.id(), from, now);

        List<Contact> inShift = seen.stream().filter(c -> !c.at().isBefore(shift.start())).toList();
        List<Contact> inWeek = seen.stream().filter(c -> !c.at().isBefore(week)).toList();
        List<Break> restsInShift = rests.stream().filter(b -> !b.startedAt().isBefore(shift.start())).toList();
        int breaksWeek = (int) rests.stream().filter(b -> !b.startedAt().isBefore(week)).count();

        Break latest = breaks.latest(agent.id(), now).orElse(null);
        Instant runSince = latest != null && latest.startedAt().isAfter(shift.start()) ? latest.startedAt()
                : shift.start();
        int inARow = HostileRun.of(inShift, runSince);
        Break onBreak = latest != null && latest.runsAt(now) ? latest : null;
        boolean suggest = onBreak == null && inARow >= settings.hostileInARow();

        return new AgentWellbeing(agent, roster.zone(), shift, inShift.size(), hostile(inShift), inWeek.size(),
                hostile(inWeek), stretch(shift, now, inShift, restsInShift), restsInShift.size(), breaksWeek, inARow,
                onBreak, suggest, settings.breakMinutes());
    }

    /** A rostered shift is worked from its start until now; a day without one from the first contact or break to the last. */
    private static Duration stretch(ShiftWindow shift, Instant now, List<Contact> contacts, List<Break> rests) {
        if (shift.rostered()) {
            return Stretches.longest(shift.start(), now.isBefore(shift.end()) ? now : shift.end(), rests);
        }
        List<Instant> moments = Stream.concat(contacts.stream().map(Contact::at),
                rests.stream().flatMap(b -> Stream.of(b.startedAt(), b.endsAt().isAfter(now) ? now : b.endsAt())))
                .toList();
        if (moments.isEmpty()) {
            return Duration.ZERO;
        }
        return Stretches.longest(moments.stream().min(Comparator.naturalOrder()).orElseThrow(),
                moments.stream().max(Comparator.naturalOrder()).orElseThrow(), rests);
    }

    private static int hostile(List<Contact> contacts) {
        return (int) contacts.stream().filter(Contact::hostile).count();
    }

    /** The agent's roster as routing keeps it (what does not read as shifts is left out here: routing refuses it when saved). */
    Roster roster(StaffMember agent) {
        AgentSkills skills = routing.skills(agent.id());
        List<InvalidInput.FieldError> ignored = new ArrayList<>();
        ZoneId zone;
        try {
            zone = ZoneId.of(skills.timeZone());
        } catch (RuntimeException unknown) {
            zone = ZoneId.of("Asia/Shanghai");
        }
        return new Roster(zone, Roster.parseWeekly(skills.weeklyShifts(), "weeklyShifts", ignored),
                Roster.parseExceptions(skills.exceptions(), "exceptions", ignored));
    }
}

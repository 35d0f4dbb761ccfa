package org.playerdesk.routing.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffMember;
import org.playerdesk.routing.AgentSkill;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.routing.Roster;
import org.playerdesk.routing.ShiftSource;
import org.playerdesk.system.cache.ReferenceCache;
import org.playerdesk.system.cache.ReferenceData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Agents as routing sees them: profile (tier, languages, capacity, zone) and roster. */
@Service
@EnableConfigurationProperties(RoutingSettings.class)
public class AgentBook {

    /** How long the profiles and shifts are kept at most: changes on another node are seen after it. */
    static final Duration KEEP = Duration.ofSeconds(5);

    private final AgentProfileRepository profiles;
    private final WeeklyShiftRepository weekly;
    private final ShiftExceptionRepository exceptions;
    private final RoutingSettings settings;
    private final ObjectProvider<ShiftSource> sources;
    private final ReferenceData reference;
    /**
     * Every agent's profile and shifts, kept: every routing decision reads the agents of a queue,
     * and three queries with a list of agents each (which Hibernate translates anew at every call,
     * since the list's length changes) were a third of a storm's routing.
     */
    private final ReferenceCache<Roll> roll;

    AgentBook(AgentProfileRepository profiles, WeeklyShiftRepository weekly, ShiftExceptionRepository exceptions,
            RoutingSettings settings, ObjectProvider<ShiftSource> sources, ReferenceData reference) {
        this.profiles = profiles;
        this.weekly = weekly;
        this.exceptions = exceptions;
        this.settings = settings;
        this.sources = sources;
        this.reference = reference;
        this.roll = reference.cache(AgentProfile.class, List.of(WeeklyShift.class, ShiftException.class), KEEP);
    }

    /** An agent's profile as read, apart from the entity. */
    private record Profile(AgentTier tier, List<String> languages, int capacity, String timeZone,
            Set<AgentSkill> skills) {
    }

    /** Every agent's profile, weekly shifts and dated exceptions, by member of staff. */
    private record Roll(Map<UUID, Profile> profiles, Map<UUID, List<Roster.Weekly>> shifts,
            Map<UUID, List<Roster.Dated>> dated) {
    }

    private Roll roll() {
        return roll.get(() -> {
            Map<UUID, Profile> byId = new HashMap<>();
            profiles.findAll().forEach(p -> byId.put(p.staffId(),
                    new Profile(p.tier(), List.copyOf(p.languages()), p.capacity(), p.timeZone(), Set.copyOf(p.skills()))));
            Map<UUID, List<Roster.Weekly>> shifts = new HashMap<>();
            weekly.findAll().forEach(s -> shifts.computeIfAbsent(staffOf(s), k -> new ArrayList<>()).add(s.shift()));
            Map<UUID, List<Roster.Dated>> dated = new HashMap<>();
            exceptions.findAll().forEach(e -> dated.computeIfAbsent(staffOf(e), k -> new ArrayList<>()).add(e.dated()));
            shifts.replaceAll((id, list) -> List.copyOf(list));
            dated.replaceAll((id, list) -> List.copyOf(list));
            return new Roll(Map.copyOf(byId), Map.copyOf(shifts), Map.copyOf(dated));
        });
    }

    /** An agent as routing needs them for one decision. */
    public record Agent(StaffMember member, AgentTier tier, List<String> languages, int capacity, Roster roster,
            Set<AgentSkill> skills) {

        public UUID id() {
            return member.id();
        }

        /** Answers a ticket in this language (primary subtag, e.g. zh); no languages listed: any. */
        public boolean speaks(String language) {
            return language == null || languages.isEmpty() || languages.contains(language);
        }

        public boolean has(AgentSkill skill) {
            return skills.contains(skill);
        }

        /** By the weekly shifts alone; routing asks {@link AgentBook#onShift(Collection, Instant)}, which asks the rosters first. */
        public boolean onShift(Instant at) {
            return roster.onShift(at);
        }
    }

    /**
     * Which of these agents are on shift at that instant: each {@link ShiftSource} is asked once for
     * all of them (a workforce roster wins), the others go by their weekly shifts.
     */
    public Set<UUID> onShift(Collection<Agent> agents, Instant at) {
        if (agents.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = agents.stream().map(Agent::id).toList();
        Map<UUID, Boolean> answers = new HashMap<>();
        sources.orderedStream().forEach(source -> source.onShift(ids, at).forEach(answers::putIfAbsent));
        Set<UUID> on = new java.util.HashSet<>();
        for (Agent agent : agents) {
            Boolean answer = answers.get(agent.id());
            if (answer != null ? answer : agent.onShift(at)) {
                on.add(agent.id());
            }
        }
        return on;
    }

    @Transactional(readOnly = true)
    public Map<UUID, Agent> agents(Collection<StaffMember> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        Roll kept = roll();
        Map<UUID, Agent> agents = new HashMap<>();
        for (StaffMember member : members) {
            Profile profile = kept.profiles().get(member.id());
            AgentTier tier = profile == null || profile.tier() == null ? AgentTier.of(member.role()) : profile.tier();
            ZoneId zone = ZoneId.of(profile == null ? settings.defaultTimeZone() : profile.timeZone());
            agents.put(member.id(), new Agent(member, tier, profile == null ? List.of() : profile.languages(),
                    profile == null ? settings.defaultCapacity() : profile.capacity(),
                    new Roster(zone, kept.shifts().getOrDefault(member.id(), List.of()),
                            kept.dated().getOrDefault(member.id(), List.of())),
                    profile == null ? Set.of() : profile.skills()));
        }
        return agents;
    }

    public Agent agent(StaffMember member) {
        return agents(List.of(member)).get(member.id());
    }

    /** Whether a lead has set the agent's tier (else it comes from the role). */
    @Transactional(readOnly = true)
    public boolean tierSet(UUID staffId) {
        return profiles.findById(staffId).map(p -> p.tier() != null).orElse(false);
    }

    /**
     * Makes sure each agent has a profile row, the lock that assignments take, with the defaults,
     * in the caller's transaction (which is retried when a concurrent one created the same row).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ensureProfiles(Collection<UUID> staffIds) {
        Set<UUID> missing = new java.util.HashSet<>(staffIds);
        // the kept profiles may be a few seconds old: a row made meanwhile is not made twice (the
        // insert makes it only where there is none); rows are never removed
        missing.removeAll(roll().profiles().keySet());
        for (UUID id : missing.stream().sorted().toList()) {
            profiles.createIfMissing(id, settings.defaultCapacity(), settings.defaultTimeZone());
        }
        if (!missing.isEmpty()) {
            reference.changed(AgentProfile.class);
        }
    }

    /** Locks the agents' rows for one assignment (in a stable order) and answers each one's capacity. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, Integer> lockCapacities(Collection<UUID> staffIds) {
        ensureProfiles(staffIds);
        return profiles.lock(staffIds).stream().collect(Collectors.toMap(AgentProfile::staffId, AgentProfile::capacity));
    }

    @Transactional
    public void change(StaffMember member, AgentTier tier, List<String> languages, int capacity, ZoneId zone,
            List<Roster.Weekly> week, List<Roster.Dated> dated) {
        AgentProfile profile = profiles.findById(member.id())
                .orElseGet(() -> new AgentProfile(member.id(), capacity, zone.getId()));
        profile.change(tier, languages, capacity, zone.getId());
        profiles.save(profile);
        // removed in bulk, which no entity listener sees
        reference.changed(WeeklyShift.class);
        reference.changed(ShiftException.class);
        weekly.deleteOf(member.id());
        exceptions.deleteOf(member.id());
        week.forEach(w -> weekly.save(new WeeklyShift(member.id(), w)));
        dated.forEach(d -> exceptions.save(new ShiftException(member.id(), d)));
    }

    @Transactional
    public void changeSkills(StaffMember member, Set<AgentSkill> skills) {
        AgentProfile profile = profiles.findById(member.id())
                .orElseGet(() -> new AgentProfile(member.id(), settings.defaultCapacity(), settings.defaultTimeZone()));
        profile.changeSkills(skills);
        profiles.save(profile);
    }

    private static UUID staffOf(WeeklyShift shift) {
        return shift.staffId();
    }

    private static UUID staffOf(ShiftException exception) {
        return exception.staffId();
    }
}

package org.playerdesk.routing.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;

import org.playerdesk.routing.AgentSkill;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.system.cache.ReferenceData;

import jakarta.persistence.Convert;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An agent's routing profile. Its row is the lock taken before counting what the agent holds,
 * so that two assignments at once never both fill the last free place.
 */
@Entity
@EntityListeners(ReferenceData.Changes.class)
@Table(name = "routing_agent")
public class AgentProfile {

    @Id
    private UUID staffId;
    @Convert(converter = RoutingConverters.Tier.class)
    private AgentTier tier;
    private String languages;
    private int capacity;
    /** Codes of {@link AgentSkill}s, separated by commas. */
    private String skills;
    private String timeZone;
    @Version
    private Long version;

    protected AgentProfile() {
    }

    public AgentProfile(UUID staffId, int capacity, String timeZone) {
        this.staffId = staffId;
        this.languages = "";
        this.skills = "";
        this.capacity = capacity;
        this.timeZone = timeZone;
    }

    public void change(AgentTier tier, List<String> languages, int capacity, String timeZone) {
        this.tier = tier;
        this.languages = String.join(",", languages);
        this.capacity = capacity;
        this.timeZone = timeZone;
    }

    public UUID staffId() {
        return staffId;
    }

    /** Null: from the role. */
    public AgentTier tier() {
        return tier;
    }

    public List<String> languages() {
        return languages == null || languages.isBlank() ? List.of() : Arrays.asList(languages.split(","));
    }

    public Set<AgentSkill> skills() {
        Set<AgentSkill> set = EnumSet.noneOf(AgentSkill.class);
        for (String code : skills == null ? new String[0] : skills.split(",")) {
            for (AgentSkill skill : AgentSkill.values()) {
                if (skill.code().equals(code.strip())) {
                    set.add(skill);
                }
            }
        }
        return set;
    }

    public void changeSkills(Set<AgentSkill> skills) {
        this.skills = String.join(",", skills.stream().sorted().map(AgentSkill::code).toList());
    }

    public int capacity() {
        return capacity;
    }

    public String timeZone() {
        return timeZone;
    }
}

package org.playerdesk.routing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.playerdesk.routing.AgentTier;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An agent's routing profile. Its row is the lock taken before counting what the agent holds,
 * so that two assignments at once never both fill the last free place.
 */
@Entity
@Table(name = "routing_agent")
public class AgentProfile {

    @Id
    private UUID staffId;
    @Convert(converter = RoutingConverters.Tier.class)
    private AgentTier tier;
    private String languages;
    private int capacity;
    private String timeZone;
    @Version
    private Long version;

    protected AgentProfile() {
    }

    public AgentProfile(UUID staffId, int capacity, String timeZone) {
        this.staffId = staffId;
        this.languages = "";
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

    public int capacity() {
        return capacity;
    }

    public String timeZone() {
        return timeZone;
    }
}

package org.playerdesk.department.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.playerdesk.department.Delivery;
import org.playerdesk.department.DepartmentView;
import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.system.secrets.SealedSecret;

@Entity
@Table(name = "department")
public class Department extends StoredEntity {

    private UUID gameId;
    private String code;
    private String name;
    @Convert(converter = DeliveryConverter.class)
    private Delivery delivery;
    private String email;
    private String webhookUrl;
    /** Sealed at rest, opened to sign requests; never shown, never logged. */
    @Convert(converter = SealedSecret.class)
    private String webhookSecret;
    private int answerHours;
    private boolean businessHours;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "department_member", joinColumns = @JoinColumn(name = "department_id"))
    @Column(name = "staff_id")
    private Set<UUID> members = new HashSet<>();

    protected Department() {
    }

    public Department(UUID gameId, String code, Instant now) {
        this.gameId = gameId;
        this.code = code;
        this.createdAt = now;
    }

    /** Sets everything an administrator sets; a null secret keeps the stored one. */
    public void configure(String name, Delivery delivery, String email, String webhookUrl, String webhookSecret,
            int answerHours, boolean businessHours, boolean enabled, Set<UUID> members, Instant now) {
        this.name = name;
        this.delivery = delivery;
        this.email = email;
        this.webhookUrl = webhookUrl;
        if (webhookSecret != null) {
            this.webhookSecret = webhookSecret;
        }
        this.answerHours = answerHours;
        this.businessHours = businessHours;
        this.enabled = enabled;
        this.members.clear();
        this.members.addAll(members);
        this.updatedAt = now;
    }

    public UUID gameId() {
        return gameId;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Delivery delivery() {
        return delivery;
    }

    public String email() {
        return email;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    public int answerHours() {
        return answerHours;
    }

    public boolean businessHours() {
        return businessHours;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<UUID> members() {
        return Set.copyOf(members);
    }

    public DepartmentView view() {
        return new DepartmentView(getId(), gameId, code, name, delivery, email, webhookUrl,
                webhookSecret != null && !webhookSecret.isEmpty(), answerHours, businessHours, enabled,
                Set.copyOf(members));
    }

    @Override
    public String toString() {
        return "Department[" + code + ", " + delivery + "]";
    }
}

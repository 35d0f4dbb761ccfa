package org.playerdesk.enforcement.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.playerdesk.access.StaffMember;
import org.playerdesk.enforcement.ActionView;
import org.playerdesk.enforcement.GroupSanctionView;
import org.playerdesk.enforcement.GroupState;
import org.playerdesk.enforcement.Severity;
import org.playerdesk.enforcement.ViolationTypeView;
import org.playerdesk.enforcement.ViolationView;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.entity.StoredEntity;

/** One sanction of accounts of a linked group, asked for once, approved or rejected once. */
@Entity
@Table(name = "group_sanction")
public class GroupSanction extends StoredEntity {

    private UUID gameId;
    private String accountId;
    private String organiserId;
    private UUID violationTypeId;
    @Convert(converter = Converters.SeverityKind.class)
    private Severity severity;
    private String note;
    private String requestKey;
    @Convert(converter = Converters.GroupStateKind.class)
    private GroupState state;
    private UUID requestedBy;
    private String requestedByName;
    private Instant requestedAt;
    private UUID decidedBy;
    private String decidedByName;
    private String decisionComment;
    private Instant decidedAt;
    @Version
    private int version;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "group_sanction_id", nullable = false)
    private List<GroupSanctionMember> members = new ArrayList<>();

    protected GroupSanction() {
    }

    public GroupSanction(UUID gameId, String accountId, String organiserId, UUID violationTypeId, Severity severity,
            String note, String requestKey, boolean held, StaffMember requester, Instant now) {
        this.gameId = gameId;
        this.accountId = accountId;
        this.organiserId = organiserId;
        this.violationTypeId = violationTypeId;
        this.severity = severity;
        this.note = note;
        this.requestKey = requestKey;
        this.state = held ? GroupState.PENDING_APPROVAL : GroupState.DONE;
        this.requestedBy = requester.id();
        this.requestedByName = requester.displayName();
        this.requestedAt = now;
    }

    /** Adds a sanctioned account: its violation and the ban it led to (null: none). */
    public void add(String account, UUID violationId, UUID actionId) {
        members.add(new GroupSanctionMember(members.size() + 1, account, violationId, actionId));
    }

    public void decide(boolean approved, StaffMember supervisor, String comment, Instant now) {
        if (state != GroupState.PENDING_APPROVAL) {
            throw new RuleViolation("gm.group.decided", "this group sanction is not waiting for approval");
        }
        state = approved ? GroupState.APPROVED : GroupState.REJECTED;
        decidedBy = supervisor.id();
        decidedByName = supervisor.displayName();
        decisionComment = comment;
        decidedAt = now;
    }

    public UUID gameId() {
        return gameId;
    }

    public String accountId() {
        return accountId;
    }

    public UUID violationTypeId() {
        return violationTypeId;
    }

    public GroupState state() {
        return state;
    }

    public UUID requestedBy() {
        return requestedBy;
    }

    public List<UUID> violationIds() {
        return members.stream().map(GroupSanctionMember::violationId).toList();
    }

    public List<UUID> actionIds() {
        return members.stream().map(GroupSanctionMember::actionId).filter(java.util.Objects::nonNull).toList();
    }

    public GroupSanctionView view(ViolationTypeView type, Map<UUID, ViolationView> violations,
            Map<UUID, ActionView> actions) {
        List<GroupSanctionView.Member> shown = members.stream()
                .sorted(Comparator.comparingInt(GroupSanctionMember::position)).map(m -> {
                    ViolationView v = violations.get(m.violationId());
                    ActionView a = m.actionId() == null ? null : actions.get(m.actionId());
                    return new GroupSanctionView.Member(m.accountId(), v == null ? 0 : v.step(),
                            v == null ? null : v.penalty(), v == null ? null : v.days(), m.violationId(),
                            m.actionId(), a == null ? null : a.state());
                }).toList();
        return new GroupSanctionView(getId(), gameId, accountId, organiserId, type.code(), type.name(), severity, note,
                state, requestedBy, requestedByName, requestedAt, decidedByName, decisionComment, decidedAt, shown);
    }
}

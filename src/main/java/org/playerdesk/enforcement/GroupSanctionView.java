package org.playerdesk.enforcement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A group sanction: who asked, for which linked group ({@code accountId} is the account it was
 * looked up from, {@code organiserId} the group's organiser then), the violation type and
 * severity, the decision when it needed one, and per account the rung it got and its ban's state.
 */
public record GroupSanctionView(UUID id, UUID gameId, String accountId, String organiserId, String typeCode,
        String typeName, Severity severity, String note, GroupState state, UUID requestedBy, String requestedByName,
        Instant requestedAt, String decidedByName, String decisionComment, Instant decidedAt, List<Member> members) {

    /** One sanctioned account: its violation's step and penalty, and the ban it led to (null: no ban). */
    public record Member(String accountId, int step, Penalty penalty, Integer days, UUID violationId, UUID actionId,
            ActionState actionState) {
    }

    public boolean pending() {
        return state == GroupState.PENDING_APPROVAL;
    }

    /** The bans this sanction asked for. */
    public Set<UUID> actionIds() {
        return members.stream().map(Member::actionId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    public List<String> accountIds() {
        return members.stream().map(Member::accountId).toList();
    }
}

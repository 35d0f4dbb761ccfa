package org.playerdesk.enforcement.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.playerdesk.access.StaffMember;
import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.enforcement.ActionState;
import org.playerdesk.enforcement.ActionView;
import org.playerdesk.game.ActionResult;
import org.playerdesk.system.entity.StoredEntity;

/** One request for an action on a game account, from asking through approval to the backend's answer. */
@Entity
@Table(name = "account_action")
public class AccountAction extends StoredEntity {

    private UUID gameId;
    private UUID ticketId;
    private String accountId;
    @Convert(converter = Converters.Kind.class)
    private ActionKind kind;
    private Long amount;
    private Integer days;
    private String reason;
    private String requestKey;
    @Convert(converter = Converters.State.class)
    private ActionState state;
    private UUID requestedBy;
    private String requestedByName;
    private Instant requestedAt;
    private UUID decidedBy;
    private String decidedByName;
    private String decisionComment;
    private Instant decidedAt;
    private String resultReference;
    private String resultMessage;
    private Instant doneAt;
    private String currency;
    private String holdReason;
    @Version
    private int version;

    protected AccountAction() {
    }

    public AccountAction(UUID gameId, UUID ticketId, String accountId, ActionKind kind, Long amount, Integer days,
            String reason, String requestKey, StaffMember requester, Instant now) {
        this.gameId = gameId;
        this.ticketId = ticketId;
        this.accountId = accountId;
        this.kind = kind;
        this.amount = amount;
        this.days = days;
        this.reason = reason;
        this.requestKey = requestKey;
        this.state = ActionState.REQUESTED;
        this.requestedBy = requester.id();
        this.requestedByName = requester.displayName();
        this.requestedAt = now;
    }

    public void awaitApproval() {
        state = state.to(ActionState.PENDING_APPROVAL);
    }

    /** Held by a rule beyond the asker's limit (e.g. {@link ActionView#PARTNER}). */
    public void awaitApproval(String because) {
        awaitApproval();
        holdReason = because;
    }

    /** The currency or item a compensation gives; null for the game's primary currency. */
    public AccountAction in(String currencyCode) {
        this.currency = currencyCode;
        return this;
    }

    public void decide(boolean approved, StaffMember supervisor, String comment, Instant now) {
        state = state.to(approved ? ActionState.APPROVED : ActionState.REJECTED);
        decidedBy = supervisor.id();
        decidedByName = supervisor.displayName();
        decisionComment = comment;
        decidedAt = now;
    }

    public void performed(ActionResult result, Instant now) {
        state = state.to(result.applied() ? ActionState.DONE : ActionState.FAILED);
        resultReference = clip(result.reference(), 100);
        resultMessage = clip(result.message(), 500);
        doneAt = now;
    }

    public void unreachable(String message, Instant now) {
        state = state.to(ActionState.FAILED);
        resultMessage = clip(message, 500);
        doneAt = now;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public ActionState state() {
        return state;
    }

    public UUID requestedBy() {
        return requestedBy;
    }

    public ActionView view() {
        return new ActionView(getId(), gameId, ticketId, accountId, kind, amount, days, reason, state, requestedBy,
                requestedByName, requestedAt, decidedByName, decisionComment, decidedAt, resultReference,
                resultMessage, doneAt, currency, holdReason);
    }

    public String requestKey() {
        return requestKey;
    }
}

package org.playerdesk.department.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.playerdesk.department.RequestState;
import org.playerdesk.department.RequestView;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.entity.StoredEntity;

/** A question asked of a department about a ticket, open until answered. */
@Entity
@Table(name = "department_request")
public class DepartmentRequest extends StoredEntity {

    private UUID departmentId;
    private UUID ticketId;
    private UUID gameId;
    /** The department's id while open, null once answered: one open question per ticket and department. */
    private UUID openKey;
    @Convert(converter = RequestStateConverter.class)
    private RequestState state;
    private UUID askedBy;
    private String askedByName;
    private String question;
    private Instant askedAt;
    private Instant dueAt;
    private Instant overdueAt;
    private String replyTokenHash;
    private Instant deliveredAt;
    private String answer;
    private String answeredBy;
    private Instant answeredAt;
    @Version
    private long version;

    protected DepartmentRequest() {
    }

    public DepartmentRequest(UUID departmentId, UUID ticketId, UUID gameId, UUID askedBy, String askedByName,
            String question, String replyTokenHash, Instant askedAt, Instant dueAt) {
        this.departmentId = departmentId;
        this.ticketId = ticketId;
        this.gameId = gameId;
        this.openKey = departmentId;
        this.state = RequestState.OPEN;
        this.askedBy = askedBy;
        this.askedByName = askedByName;
        this.question = question;
        this.replyTokenHash = replyTokenHash;
        this.askedAt = askedAt;
        this.dueAt = dueAt;
    }

    /** Records the answer; refused when the question was answered already. */
    public void answer(String text, String by, Instant now) {
        if (state != RequestState.OPEN) {
            throw new RuleViolation("department.answered", "the question was answered already");
        }
        this.state = RequestState.ANSWERED;
        this.openKey = null;
        this.answer = text;
        this.answeredBy = by;
        this.answeredAt = now;
    }

    public void delivered(Instant now) {
        this.deliveredAt = now;
    }

    public UUID departmentId() {
        return departmentId;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public UUID gameId() {
        return gameId;
    }

    public RequestState state() {
        return state;
    }

    public UUID askedBy() {
        return askedBy;
    }

    public String question() {
        return question;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Instant askedAt() {
        return askedAt;
    }

    public String askedByName() {
        return askedByName;
    }

    public Instant overdueAt() {
        return overdueAt;
    }

    public boolean isOpen() {
        return state == RequestState.OPEN;
    }

    public RequestView view(String departmentName) {
        return new RequestView(getId(), departmentId, departmentName, ticketId, gameId, state, askedBy, askedByName,
                question, askedAt, dueAt, overdueAt, deliveredAt, answer, answeredBy, answeredAt);
    }
}

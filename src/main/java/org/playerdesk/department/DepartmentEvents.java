package org.playerdesk.department;

import java.time.Instant;
import java.util.UUID;

/** What happens to a question asked of a department; each is published once. */
public final class DepartmentEvents {

    private DepartmentEvents() {
    }

    /** A ticket was sent to a department with a question. */
    public record QuestionAsked(UUID requestId, UUID ticketId, UUID gameId, UUID departmentId, Instant dueAt,
            Instant at) {
    }

    /** The department answered; the answer is a note on the ticket. */
    public record QuestionAnswered(UUID requestId, UUID ticketId, UUID gameId, UUID departmentId, boolean late,
            Instant at) {
    }

    /** The answer deadline passed with the question still open. */
    public record AnswerOverdue(UUID requestId, UUID ticketId, UUID gameId, UUID departmentId, Instant dueAt,
            Instant at) {
    }
}

package org.playerdesk.department;

import java.time.Instant;
import java.util.UUID;

/** What happens to a question asked of a department; each is published once. */
public final class DepartmentEvents {

    private DepartmentEvents() {
    }

    /** A ticket was sent to a department with a question, by the member of staff {@code askedBy}. */
    public record QuestionAsked(UUID requestId, UUID ticketId, UUID gameId, UUID departmentId, UUID askedBy,
            Instant dueAt, Instant at) {
    }

    /** The department answered the question {@code askedBy} asked; the answer is a note on the ticket. */
    public record QuestionAnswered(UUID requestId, UUID ticketId, UUID gameId, UUID departmentId, UUID askedBy,
            boolean late, Instant at) {
    }

    /** The answer deadline passed with the question still open. */
    public record AnswerOverdue(UUID requestId, UUID ticketId, UUID gameId, UUID departmentId, Instant dueAt,
            Instant at) {
    }
}

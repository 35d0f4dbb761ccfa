package org.playerdesk.ticket;

import java.util.List;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.InvalidInput;

/**
 * One action of the inbox's bulk actions (assign, change the status, link to an incident, apply a
 * macro...). The ticket module has its own; another module contributes one as a Spring bean, so
 * that the ticket module needs to know nothing about incidents or macros. The inbox offers each
 * action the reader may use, in {@link #order()}; a bulk job then applies it to each ticket in a
 * transaction of its own, as the agent who started the job, once the job has checked that the
 * agent still works tickets of that ticket's game. A refusal ({@code RuleViolation},
 * {@code InvalidInput}) fails that ticket alone, and its words are what the agent reads.
 */
public interface BulkTicketAction {

    /** What the agent gives besides the tickets: nothing, one of {@link #choices}, or a text (a tag). */
    enum Input {
        NONE, CHOICE, TEXT
    }

    /** Stored with the job: lower-case letters and underscores, unique among the actions. */
    String code();

    /** Smaller first; the ticket module's own are 10 to 60. */
    int order();

    /** The message key of the action's name in the bar ("Link to an incident"). */
    String labelKey();

    default Input input() {
        return Input.CHOICE;
    }

    /** Whether this reader is offered the action at all: working tickets, unless the action asks more. */
    default boolean offeredTo(StaffUser reader) {
        return reader.can(Permission.WORK_TICKETS);
    }

    /** What this reader may choose, in order; an action of {@link Input#CHOICE} without any is not offered. */
    default List<Choice> choices(StaffUser reader) {
        return List.of();
    }

    /**
     * The agent's value, checked once when the job starts: a choice must be one of
     * {@link #choices}; a text action overrides this to check its text. Refuses with
     * {@link InvalidInput} on the field {@code choice}.
     */
    default Choice chosen(String value, StaffUser reader) {
        if (input() == Input.NONE) {
            return new Choice(null, null, null);
        }
        String wanted = value == null ? "" : value.strip();
        return choices(reader).stream().filter(c -> c.value().equals(wanted)).findFirst()
                .orElseThrow(() -> InvalidInput.of("choice", "invalid.unknownValue"));
    }

    /** Applies the chosen value to one ticket, as this agent, through the ticket's own commands. */
    void apply(TicketView ticket, String value, StaffMember agent);

    /**
     * A value the agent may choose, shown by its message key ({@code ticket.status.resolved}) when it
     * has one, else by its label (a colleague's name, an incident's title).
     */
    record Choice(String value, String label, String labelKey) {

        public static Choice named(String value, String label) {
            return new Choice(value, label, null);
        }

        public static Choice keyed(String value, String labelKey) {
            return new Choice(value, null, labelKey);
        }
    }

    static Actor actor(StaffMember agent) {
        return Actor.agent(agent.id(), agent.displayName());
    }
}

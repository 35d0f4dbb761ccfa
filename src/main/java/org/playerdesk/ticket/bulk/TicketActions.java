package org.playerdesk.ticket.bulk;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.BulkTicketAction;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.system.entity.Coded;
import org.springframework.stereotype.Component;

/**
 * The ticket module's own bulk actions, each through the same {@link TicketDesk} command as the
 * ticket page's button, with the same rules about whose ticket it is.
 */
final class TicketActions {

    private TicketActions() {
    }

    /** Take the tickets: someone else's only for a lead, as on the ticket page. */
    @Component
    static class AssignToMe implements BulkTicketAction {

        private final TicketDesk desk;
        private final StaffDirectory staff;

        AssignToMe(TicketDesk desk, StaffDirectory staff) {
            this.desk = desk;
            this.staff = staff;
        }

        @Override
        public String code() {
            return "assign_me";
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        public String labelKey() {
            return "bulk.action.assign_me";
        }

        @Override
        public Input input() {
            return Input.NONE;
        }

        @Override
        public void apply(TicketView ticket, String value, StaffMember agent) {
            UUID holder = ticket.assigneeId();
            if (holder != null && !holder.equals(agent.id()) && !agent.can(Permission.ASSIGN_OTHERS)) {
                throw new RuleViolation("bulk.someone-elses", "the ticket is someone else's", name(staff, holder));
            }
            desk.assign(ticket.id(), agent.id(), BulkTicketAction.actor(agent));
        }
    }

    /** Give the tickets to a colleague who serves their game: for leads, as on the ticket page. */
    @Component
    static class AssignToColleague implements BulkTicketAction {

        private final TicketDesk desk;
        private final StaffDirectory staff;

        AssignToColleague(TicketDesk desk, StaffDirectory staff) {
            this.desk = desk;
            this.staff = staff;
        }

        @Override
        public String code() {
            return "assign";
        }

        @Override
        public int order() {
            return 20;
        }

        @Override
        public String labelKey() {
            return "bulk.action.assign";
        }

        @Override
        public boolean offeredTo(StaffUser reader) {
            return reader.can(Permission.ASSIGN_OTHERS);
        }

        /** Everyone who works tickets of at least one of the reader's games. */
        @Override
        public List<Choice> choices(StaffUser reader) {
            Set<UUID> scope = reader.gameScope();
            return staff.all().stream()
                    .filter(m -> m.enabled() && m.can(Permission.WORK_TICKETS))
                    .filter(m -> scope == null || m.role().seesAllGames() || shares(m.gameIds(), scope))
                    .map(m -> Choice.named(m.id().toString(), m.displayName()))
                    .toList();
        }

        @Override
        public void apply(TicketView ticket, String value, StaffMember agent) {
            if (!agent.can(Permission.ASSIGN_OTHERS)) {
                throw new RuleViolation("bulk.assign-others", "only a lead gives tickets to others");
            }
            StaffMember colleague = staff.get(UUID.fromString(value));
            if (!colleague.enabled() || !colleague.can(Permission.WORK_TICKETS) || !colleague.serves(ticket.gameId())) {
                throw new RuleViolation("bulk.colleague-not-serving", "the colleague does not work this game's tickets",
                        colleague.displayName());
            }
            desk.assign(ticket.id(), colleague.id(), BulkTicketAction.actor(agent));
        }

        private static boolean shares(Set<UUID> games, Set<UUID> scope) {
            Set<UUID> both = new HashSet<>(games);
            both.retainAll(scope);
            return !both.isEmpty();
        }
    }

    @Component
    static class ChangeStatus implements BulkTicketAction {

        private final TicketDesk desk;

        ChangeStatus(TicketDesk desk) {
            this.desk = desk;
        }

        @Override
        public String code() {
            return "status";
        }

        @Override
        public int order() {
            return 30;
        }

        @Override
        public String labelKey() {
            return "bulk.action.status";
        }

        /** Every status a ticket can be moved to (none becomes new again). */
        @Override
        public List<Choice> choices(StaffUser reader) {
            return Arrays.stream(TicketStatus.values()).filter(s -> s != TicketStatus.NEW)
                    .map(s -> Choice.keyed(s.code(), "ticket.status." + s.code())).toList();
        }

        @Override
        public void apply(TicketView ticket, String value, StaffMember agent) {
            desk.changeStatus(ticket.id(), Coded.fromCode(TicketStatus.class, value), BulkTicketAction.actor(agent));
        }
    }

    @Component
    static class ChangePriority implements BulkTicketAction {

        private final TicketDesk desk;

        ChangePriority(TicketDesk desk) {
            this.desk = desk;
        }

        @Override
        public String code() {
            return "priority";
        }

        @Override
        public int order() {
            return 40;
        }

        @Override
        public String labelKey() {
            return "bulk.action.priority";
        }

        @Override
        public List<Choice> choices(StaffUser reader) {
            return Arrays.stream(TicketPriority.values())
                    .map(p -> Choice.keyed(p.code(), "ticket.priority." + p.code())).toList();
        }

        @Override
        public void apply(TicketView ticket, String value, StaffMember agent) {
            desk.prioritize(ticket.id(), Coded.fromCode(TicketPriority.class, value), BulkTicketAction.actor(agent));
        }
    }

    @Component
    static class ChangeType implements BulkTicketAction {

        private final TicketDesk desk;

        ChangeType(TicketDesk desk) {
            this.desk = desk;
        }

        @Override
        public String code() {
            return "type";
        }

        @Override
        public int order() {
            return 50;
        }

        @Override
        public String labelKey() {
            return "bulk.action.type";
        }

        @Override
        public List<Choice> choices(StaffUser reader) {
            return Arrays.stream(TicketType.values())
                    .map(t -> Choice.keyed(t.code(), "ticket.type." + t.code())).toList();
        }

        @Override
        public void apply(TicketView ticket, String value, StaffMember agent) {
            desk.retype(ticket.id(), Coded.fromCode(TicketType.class, value), BulkTicketAction.actor(agent));
        }
    }

    /** Add one tag, checked once when the job starts as the ticket page checks it. */
    @Component
    static class AddTag implements BulkTicketAction {

        private final TicketDesk desk;

        AddTag(TicketDesk desk) {
            this.desk = desk;
        }

        @Override
        public String code() {
            return "tag";
        }

        @Override
        public int order() {
            return 60;
        }

        @Override
        public String labelKey() {
            return "bulk.action.tag";
        }

        @Override
        public Input input() {
            return Input.TEXT;
        }

        @Override
        public Choice chosen(String value, StaffUser reader) {
            try {
                String tag = desk.tagName(value);
                return Choice.named(tag, tag);
            } catch (InvalidInput invalid) {
                // the bar names the field "choice", whatever the desk calls it
                throw new InvalidInput(invalid.errors().stream()
                        .map(e -> new InvalidInput.FieldError("choice", e.key(), e.arguments())).toList());
            }
        }

        @Override
        public void apply(TicketView ticket, String value, StaffMember agent) {
            desk.tag(ticket.id(), value, BulkTicketAction.actor(agent));
        }
    }

    private static String name(StaffDirectory staff, UUID id) {
        try {
            return staff.get(id).displayName();
        } catch (NotFoundException gone) {
            return "?";
        }
    }
}

package org.playerdesk.playbook;

import java.util.List;
import java.util.UUID;

import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.ticket.TicketType;

/** A procedure with its steps in order. {@code notice} is the template of the closing notice. */
public record PlaybookView(UUID id, UUID gameId, String code, TicketType ticketType, String title, String notice,
        List<Step> steps) {

    /** {@code windowHours}: for a ledger step, how far around the reported time to look. */
    public record Step(UUID id, int position, String title, String instructions, DataKind data, ActionKind action,
            Integer windowHours) {
    }
}

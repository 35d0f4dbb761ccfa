package org.playerdesk.workforce;

import java.util.List;
import java.util.UUID;

import org.playerdesk.system.validation.PlainText;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * What the outgoing agent writes on their handover form: the shift notes, the incoming agents it is
 * addressed to, and for each item a note and where it goes ({@code keep}, {@code assign} to
 * {@code target}, {@code routing}). Checked field by field ({@code items[2].note}).
 */
public record HandoverForm(
        @Size(max = HandoverForm.NOTES_MAX, message = "{invalid.tooLong}") @PlainText String emergencies,
        @Size(max = HandoverForm.NOTES_MAX, message = "{invalid.tooLong}") @PlainText String notes,
        @Size(max = HandoverForm.INCOMING_MAX, message = "{invalid.tooMany}") List<UUID> incoming,
        List<@Valid ItemChoice> items) {

    public static final int NOTES_MAX = 4000;
    public static final int ITEM_NOTE_MAX = 1000;
    public static final int INCOMING_MAX = 20;

    public HandoverForm {
        incoming = incoming == null ? List.of() : incoming;
        items = items == null ? List.of() : items;
    }

    /** One item's note and where it goes; {@code disposition} is a code of {@link HandoverItem.Disposition}. */
    public record ItemChoice(UUID itemId,
            @Size(max = HandoverForm.ITEM_NOTE_MAX, message = "{invalid.tooLong}") @PlainText String note,
            String disposition, UUID target) {
    }
}

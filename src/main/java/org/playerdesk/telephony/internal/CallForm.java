package org.playerdesk.telephony.internal;

import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A call as an agent logs it at {@code /console/calls}, in one step: who called (the game account,
 * or a phone number a call was linked to before), which way, when and how long, what came of it,
 * notes; and the ticket it goes to (one of the caller's, by number) or, when none is named, a new
 * ticket of channel {@code phone}. {@code call} names a call the telephony system reported, when
 * the agent logs it from its card. Codes, times and the ticket are checked where they are read
 * ({@link CallLog#log}).
 */
public record CallForm(String call, String game,
        @Size(max = 64, message = "{invalid.tooLong}") @SingleLine String account,
        @Size(max = 40, message = "{invalid.tooLong}") @Pattern(regexp = PhoneNumbers.WRITTEN, message = "{invalid.phone.number}")
        String phone,
        String direction, String startedAt,
        @Pattern(regexp = "[0-9]{1,3}(:[0-5][0-9])?", message = "{invalid.phone.duration}") String duration,
        String outcome,
        @Pattern(regexp = "#?[0-9]{1,12}", message = "{invalid.phone.ticket}") String ticket,
        String type,
        @Size(max = 200, message = "{invalid.tooLong}") @SingleLine String subject,
        @Size(max = 4000, message = "{invalid.tooLong}") @PlainText String notes) {

    /** Each text without the blanks around it, an empty one as none. */
    CallForm tidied() {
        return new CallForm(tidy(call), tidy(game), tidy(account), tidy(phone), tidy(direction), tidy(startedAt),
                tidy(duration), tidy(outcome), tidy(ticket), tidy(type), tidy(subject), tidy(notes));
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package org.playerdesk.telephony.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** What a call writes on its ticket, in the ticket's game's language. */
final class CallNotes {

    private CallNotes() {
    }

    /** The internal note of a logged call: direction, length, outcome, the wait and recording when reported, notes. */
    static String logged(MessageSource messages, Call call, Locale locale) {
        StringBuilder note = new StringBuilder(messages.getMessage("phone.note.logged", new Object[] {
                messages.getMessage("phone.direction." + call.direction().code(), null, locale),
                length(call.durationSeconds()), messages.getMessage("phone.outcome." + call.outcome().code(), null,
                        locale) }, locale));
        if (call.waitSeconds() != null) {
            note.append('\n').append(messages.getMessage("phone.note.waited", new Object[] {call.waitSeconds()}, locale));
        }
        if (call.recordingUrl() != null) {
            note.append('\n').append(messages.getMessage("phone.note.recording", new Object[] {call.recordingUrl()},
                    locale));
        }
        if (call.notes() != null) {
            note.append("\n\n").append(call.notes());
        }
        return note.toString();
    }

    /** The history entry when the telephony system reports the end of a call already on the ticket. */
    static String ended(MessageSource messages, Call call, Locale locale) {
        String text = messages.getMessage("phone.history.ended", new Object[] {
                call.waitSeconds() == null ? 0 : call.waitSeconds(), length(call.talkSeconds()) }, locale);
        return call.recordingUrl() == null ? text
                : text + " " + messages.getMessage("phone.note.recording", new Object[] {call.recordingUrl()}, locale);
    }

    /** {@code 3:07} for 187 seconds. */
    static String length(Integer seconds) {
        int s = seconds == null ? 0 : seconds;
        return (s / 60) + ":" + String.format(Locale.ROOT, "%02d", s % 60);
    }
}

package org.playerdesk.telephony.internal;

import java.time.Instant;

import org.hibernate.validator.constraints.Range;
import org.playerdesk.system.validation.SingleLine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One report of the telephony system (docs/phone.md): a call {@code offered}, {@code answered} or
 * {@code ended}, named by the system's own call id. The times and lengths are optional: what is
 * missing is taken from the moments the events arrived.
 */
record CtiEvent(
        @NotBlank(message = "{invalid.blank}") @Pattern(regexp = "offered|answered|ended", message = "{invalid.phone.event}")
        String event,
        @NotBlank(message = "{invalid.blank}") @Pattern(regexp = "[A-Za-z0-9._:@/+-]{1,128}", message = "{invalid.phone.callId}")
        String callId,
        Instant at,
        @Size(max = 40, message = "{invalid.tooLong}") @Pattern(regexp = PhoneNumbers.WRITTEN, message = "{invalid.phone.number}")
        String caller,
        @Size(max = 64, message = "{invalid.tooLong}") @SingleLine String called,
        @Size(max = 64, message = "{invalid.tooLong}") @SingleLine String queue,
        @Size(max = 64, message = "{invalid.tooLong}") @SingleLine String agent,
        @Size(max = CtiSettings.EXTENSION_MAX, message = "{invalid.tooLong}") @SingleLine String extension,
        @Range(min = 0, max = 86_400, message = "{invalid.range.between}") Integer waitSeconds,
        @Range(min = 0, max = 86_400, message = "{invalid.range.between}") Integer talkSeconds,
        @Size(max = 2000, message = "{invalid.tooLong}") @Pattern(regexp = "https?://\\S+", message = "{invalid.phone.recordingUrl}")
        String recordingUrl,
        @Pattern(regexp = "caller|agent|system", message = "{invalid.phone.hangupBy}") String hangupBy) {
}

package org.playerdesk.outreach;

import jakarta.validation.constraints.Pattern;

/** A player's contact preferences as staff change them: phone in E.164, language, time zone, opt-outs. */
public record ContactForm(
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "{outreach.invalid.phone}") String phone,
        @Pattern(regexp = "zh-CN|en", message = "{invalid.choose}") String locale,
        String timeZone,
        boolean emailOptOut, boolean inGameOptOut, boolean smsOptOut) {

    public ContactForm {
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        locale = locale == null || locale.isBlank() ? null : locale.strip();
        timeZone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
    }
}

package org.playerdesk.notification;

/**
 * What a member of staff chose to receive by email besides the console's notifications, and the
 * address; {@code address} is null until they give one.
 *
 * @param mentions an email when a colleague mentions them in an internal note
 */
public record EmailChoice(String address, boolean mentions) {

    public static final EmailChoice NONE = new EmailChoice(null, false);

    /** Whether a mention is to be emailed: chosen, and somewhere to send it. */
    public boolean emailsMentions() {
        return mentions && address != null;
    }
}

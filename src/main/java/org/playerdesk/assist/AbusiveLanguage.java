package org.playerdesk.assist;

/**
 * How a player's words sound (calm, upset or hostile, with the category), by the same reader
 * that tags a new ticket {@code hostile}: for other modules that meet players' words elsewhere,
 * such as the lines of a live chat. {@link #in} is "hostile" (辱骂、威胁、最后通牒; insults,
 * threats, ultimatums, shouting, swearing).
 */
public interface AbusiveLanguage {

    Mood mood(String text);

    default boolean in(String text) {
        return mood(text).hostile();
    }
}

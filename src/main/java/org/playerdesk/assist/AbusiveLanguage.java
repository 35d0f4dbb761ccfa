package org.playerdesk.assist;

/**
 * Whether a player's words are abusive (辱骂: 傻逼、垃圾客服、去死; idiot, moron…), by the same list
 * that tags a new ticket {@code hostile}: for other modules that meet players' words elsewhere,
 * such as the lines of a live chat.
 */
public interface AbusiveLanguage {

    boolean in(String text);
}

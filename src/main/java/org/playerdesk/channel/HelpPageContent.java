package org.playerdesk.channel;

import java.util.List;
import java.util.Locale;

import org.playerdesk.game.GameInfo;

/**
 * What another module shows on a game's help-center pages, which know nothing of it (an open
 * incident's notice, the game's announcements): asked after the page's controller has run, its items
 * go into the page's model under {@link #attribute()}, where the layout's fragment for it reads them.
 */
public interface HelpPageContent {

    /** The model attribute the layout reads. */
    String attribute();

    /** Whether only the game's help-center home shows it; otherwise every page of the game's help center does. */
    boolean homeOnly();

    /** What this reader is shown on the game's pages now; empty to show nothing. */
    List<?> shown(GameInfo game, Locale locale);
}

/**
 * Games served by this support center: their codes, names and default language, and the
 * connector to each game's own backend ({@link org.playerdesk.game.GameBackend}): account
 * lookups and actions, served by the built-in simulated game or an HTTP connector.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Game")
package org.playerdesk.game;

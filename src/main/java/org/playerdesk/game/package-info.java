/**
 * Games served by this support center: their codes, names and default language. Later also the
 * game-backend connector and the built-in simulated game.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Game")
package org.playerdesk.game;

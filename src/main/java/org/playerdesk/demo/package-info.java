/**
 * The demo workspace: on first start on the embedded database (or when asked for with
 * {@code PLAYERDESK_DEMO=true}) a demo game, staff accounts, players and tickets in Chinese, so
 * that a newcomer sees a working support center at once. Uses only the other modules' public APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo workspace")
package org.playerdesk.demo;

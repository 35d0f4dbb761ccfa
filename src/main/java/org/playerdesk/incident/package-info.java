/**
 * Incidents (故障/事件): one master record per outage or shared problem of a game, with the tickets
 * linked to it (each ticket in at most one incident); one reply sent to every linked ticket and
 * their resolution together, in the background; a public notice on the game's help center while
 * the incident is open; and the grouping of outage storms, which proposes an incident when many
 * players of one game and server report the same outage within a short window.
 * {@link org.playerdesk.incident.Incidents} is the public face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package org.playerdesk.incident;

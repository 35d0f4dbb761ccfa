/**
 * Satisfaction surveys (CSAT, 满意度调查): when a ticket is resolved the player is asked once, on
 * the channel the ticket came through (the help center's private ticket page, the game API, email;
 * a live chat's own rating at its end), after the game's delay; one answer per ticket, 1 to 5 with
 * an optional comment and reason codes, counted toward the agent who resolved it. Links are signed
 * per survey and expire; a low score opens a follow-up (回访) for the game's leads. What others use
 * is {@link org.playerdesk.survey.Surveys} (docs/surveys.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Satisfaction surveys")
package org.playerdesk.survey;

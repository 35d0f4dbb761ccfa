/**
 * Agent wellbeing (docs/wellbeing.md): how many hostile contacts each agent handled (tickets
 * tagged hostile, live chats with abusive lines), hostile contacts in a row, the longest stretch
 * without a break in the shift; a short break suggested after a number in a row, during which
 * live chat offers the agent no new chat ({@link org.playerdesk.chat.ChatPause}); the supervisors'
 * board with each agent's exposure, breaks and stress signals (a sudden rise in QA findings,
 * reopen rate, error rate or escalations), and one-to-one talks. Sensitive: only the agent and
 * their supervisors see it, and every view is written to the audit log. Other modules need
 * nothing from it; it listens to their events and offers live chat its pause.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Wellbeing")
package org.playerdesk.wellbeing;

/**
 * Automation rules (自动化规则) per game: event rules that run, in order, when a ticket is created
 * or changed, a player replies, or a service-level target warns or breaches — conditions on the
 * ticket, actions done by the rule and written into the ticket's history — and the time rules
 * that close resolved tickets nobody answered and remind a player who has not replied.
 * {@link org.playerdesk.automation.AutomationRules} is the public face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Automation rules")
package org.playerdesk.automation;

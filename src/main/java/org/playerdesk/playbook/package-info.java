/**
 * Standard procedures (playbooks, 标准处理流程): per game, stored as data and editable by
 * administrators, with shipped defaults for ban appeals, lost currency, stolen accounts, game bugs
 * and prize redemptions (the steps of the support handbook). One is suggested from the ticket's
 * type and runs on the ticket as a checklist that shows the game data each step needs, records
 * each step's outcome, asks for account actions through the approval rules, and ends with a
 * templated notice to the player. {@link org.playerdesk.playbook.Playbooks} is the public face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Playbook")
package org.playerdesk.playbook;

package org.playerdesk.enforcement;

/**
 * One rung of a penalty ladder as the violation-type editor chooses it: a penalty's code (blank:
 * no rung) and, for a ban, its days as typed.
 */
public record RungChoice(String penalty, String days) {
}

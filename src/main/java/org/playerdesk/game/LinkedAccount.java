package org.playerdesk.game;

/** Another account sharing something with the one asked about: {@code kind} is ip or device. */
public record LinkedAccount(String accountId, String nickname, String kind, String sharedValue) {
}

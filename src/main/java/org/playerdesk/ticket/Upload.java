package org.playerdesk.ticket;

/** A file sent with a reply, as received. Its type is decided by its content, not by what the sender claims. */
public record Upload(String fileName, byte[] content) {
}

package org.playerdesk.workforce;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.system.entity.Coded;

/**
 * One unresolved item of a handover, as it was when listed: what it is ({@code kind}, {@code refId},
 * a {@code label} such as "#1042 充值未到账", a {@code detail} code such as the ticket's status, the
 * due time, the console link), the outgoing agent's note, where it goes and who acknowledged it.
 */
public record HandoverItem(UUID id, Kind kind, UUID refId, UUID gameId, String label, String detail, Instant dueAt,
        String link, String note, Disposition disposition, UUID targetId, String targetName, UUID acknowledgedBy,
        String acknowledgedByName, Instant acknowledgedAt) {

    /** What a handover lists (seed 004: 将未处理的问题总结后，交给接班人员). */
    public enum Kind implements Coded {
        TICKET("ticket"), CHAT("chat"), QUESTION("question"), APPROVAL("approval"), FOLLOW_UP("follow_up"),
        INCIDENT("incident");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        /** Tickets and live chats can change hands; the rest are told, not moved. */
        public boolean movable() {
            return this == TICKET || this == CHAT;
        }

        /** Only a ticket can be given back to routing (a live chat goes to a named agent or stays). */
        public boolean routable() {
            return this == TICKET;
        }
    }

    /** Where an item goes at submission: it stays with the outgoing agent, to a named incoming agent, or to routing. */
    public enum Disposition implements Coded {
        KEEP("keep"), ASSIGN("assign"), ROUTING("routing");

        private final String code;

        Disposition(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}

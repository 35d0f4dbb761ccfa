package org.playerdesk.department.internal;

import java.util.UUID;

/**
 * A question to send to an email or webhook department, after the transfer is stored. It carries
 * the reply token, which is kept nowhere else in clear: the event lives in the publication
 * registry until the question went out (or is retried from there).
 */
public record DeliveryDue(UUID requestId, String replyToken) {

    @Override
    public String toString() {
        return "DeliveryDue[" + requestId + "]";
    }
}

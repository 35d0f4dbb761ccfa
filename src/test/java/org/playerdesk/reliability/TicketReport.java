package org.playerdesk.reliability;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One ticket a game server means to report: its own Idempotency-Key, player and subject, so
 * that each report can be found again and a duplicate would show.
 */
record TicketReport(String idempotencyKey, String accountId, String subject, String message) {

    static List<TicketReport> many(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            String key = UUID.randomUUID().toString();
            return new TicketReport(key, prefix + "-" + i, "充值未到账 " + prefix + " #" + i,
                    "充值 648 元后钻石没有到账。订单 " + key);
        }).toList();
    }

    String json() {
        return """
                {"player": {"accountId": "%s", "nickname": "风之子", "server": "S12"},
                 "type": "payment", "subject": "%s", "message": "%s",
                 "metadata": {"clientVersion": "2.3.1"}}
                """.formatted(accountId, subject, message);
    }
}

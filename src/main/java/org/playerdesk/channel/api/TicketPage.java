package org.playerdesk.channel.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of a player's tickets, newest first; ask for {@code page + 1} while {@code hasNext}. */
@Schema(name = "TicketPage")
record TicketPage(List<TicketResponse> items, int page, int size, boolean hasNext) {
}

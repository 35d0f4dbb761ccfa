package org.playerdesk.channel.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of a player's tickets, newest first; ask for {@code page + 1} while {@code hasNext}. */
@Schema(name = "TicketPage")
record TicketPage(@Schema(requiredMode = REQUIRED) List<TicketResponse> items,
        @Schema(requiredMode = REQUIRED, example = "0") int page,
        @Schema(requiredMode = REQUIRED, example = "20") int size,
        @Schema(requiredMode = REQUIRED, description = "Whether a next page exists.") boolean hasNext) {
}

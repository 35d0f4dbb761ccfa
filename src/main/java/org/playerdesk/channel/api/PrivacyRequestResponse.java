package org.playerdesk.channel.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.privacy.PrivacyRequestView;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** A player's data request as the game sees it. */
@Schema(name = "PrivacyRequest", description = "A player's data request and where it stands.")
record PrivacyRequestResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED) UUID id,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "10086") String accountId,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "export", "erase" }) String kind,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "received", "working", "done", "failed" },
                description = "received: waiting (an export for the background writer, an erasure for support); "
                        + "working: the export is being written; done: fulfilled; failed: the export could not be "
                        + "written, support will see to it.")
        String state,
        @Schema(requiredMode = RequiredMode.REQUIRED) Instant receivedAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "By when support is to fulfil it.") Instant dueAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "true when past dueAt and not fulfilled.")
        boolean overdue,
        @Schema(nullable = true, description = "When it was fulfilled.") Instant doneAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Rows per data kind exported or erased "
                + "(empty until fulfilled).", example = "{\"tickets\": 3, \"messages\": 12}")
        Map<String, Integer> counts) {

    static PrivacyRequestResponse of(PrivacyRequestView request) {
        return new PrivacyRequestResponse(request.id(), request.accountId(), request.kind().code(),
                request.state().code(), request.receivedAt(), request.dueAt(), request.overdue(), request.doneAt(),
                request.counts());
    }
}

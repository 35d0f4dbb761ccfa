package org.playerdesk.incident;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** An open incident's public notice in the reader's language, as players see it. */
@Schema(name = "HelpNotice", description = "An open incident's public notice.")
public record HelpNotice(@Schema(requiredMode = REQUIRED) UUID incidentId,
        @Schema(requiredMode = REQUIRED, example = "S2 服务器登录异常，工程师正在处理。") String text,
        @Schema(requiredMode = REQUIRED, description = "When the incident was opened.") Instant since) {
}

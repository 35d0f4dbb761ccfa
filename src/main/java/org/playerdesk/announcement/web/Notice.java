package org.playerdesk.announcement.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One item of the in-game feed: an open incident's outage notice or a published announcement. The
 * schema keeps its first name (HelpNotice) and its first properties, so that clients written
 * before announcements read it as before.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "HelpNotice", description = "A notice of the in-game feed: an open incident's outage notice "
        + "(kind outage) or a published announcement.")
record Notice(
        @Schema(requiredMode = REQUIRED, description = "The announcement's id, or the incident's for an outage.")
        UUID id,
        @Schema(requiredMode = REQUIRED, example = "maintenance", allowableValues = { "outage", "maintenance",
                "event", "event_result", "rule_change", "other" },
                description = "What it is about; treat a value you do not know as other.") String kind,
        @Schema(description = "The incident's id: outage notices only.") UUID incidentId,
        @Schema(example = "6 月 1 日停服维护公告", description = "The title: announcements only.") String title,
        @Schema(requiredMode = REQUIRED, example = "S2 服务器登录异常，工程师正在处理。",
                description = "The text: an outage notice as written, an announcement's text in Markdown.")
        String text,
        @Schema(description = "An announcement's text as safe HTML (no scripts, no raw HTML, images from https "
                + "addresses only).") String html,
        @Schema(example = "zh-CN", description = "The language of title and text (an announcement written in one "
                + "language only comes in that one): announcements only.") String lang,
        @Schema(requiredMode = REQUIRED, description = "When it began to show: an announcement's publish time, "
                + "the incident's opening.") Instant since,
        @Schema(description = "When an announcement stops showing, when it has an expiry.") Instant until,
        @Schema(requiredMode = REQUIRED, description = "Pinned announcements come first.") boolean pinned,
        @Schema(description = "Maintenance only: when the maintenance starts.") Instant windowStart,
        @Schema(description = "Maintenance only: when the maintenance ends.") Instant windowEnd) {
}

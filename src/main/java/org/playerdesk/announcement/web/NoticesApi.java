package org.playerdesk.announcement.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.GameClient;
import org.playerdesk.announcement.AnnouncementKind;
import org.playerdesk.announcement.Announcements;
import org.playerdesk.announcement.PublishedAnnouncement;
import org.playerdesk.incident.HelpNotice;
import org.playerdesk.incident.Incidents;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The in-game notice feed: the calling game's published announcements and its open incidents'
 * outage notices, in one list a game polls cheaply. The ETag is made of the two modules' change
 * stamps and the request's parameters, so a poll that finds nothing changed answers 304 without
 * reading a notice. Without {@code kind} the feed answers outage notices alone, as it did before
 * announcements, so that clients written then keep reading what they expect.
 */
@RestController
@Tag(name = "Notices", description = "The in-game notice feed: announcements and outage notices.")
@SecurityRequirement(name = "gameApiKey")
class NoticesApi {

    static final String OUTAGE = "outage";
    static final String ALL = "all";
    static final int PAGE_MAX = 10_000;
    static final int SIZE_MAX = 100;
    static final int SIZE_DEFAULT = 20;
    private static final String PROBLEM = "#/components/schemas/Problem";

    private final Announcements announcements;
    private final Incidents incidents;

    NoticesApi(Announcements announcements, Incidents incidents) {
        this.announcements = announcements;
        this.incidents = incidents;
    }

    @Operation(operationId = "listNotices", summary = "The game's notices: announcements and outage notices",
            description = "Published announcements (maintenance, events, event results, rule changes, other) and "
                    + "the notices of the game's open incidents (kind outage), in the language asked for (lang=en "
                    + "or zh-CN; the other language when a notice has only that one): pinned announcements first, "
                    + "then the newest. Without kind only outage notices are answered, as before announcements "
                    + "existed; ask kind=all for everything. Poll with If-None-Match: 304 when nothing changed.")
    @ApiResponse(responseCode = "200", description = "One page of notices; an empty list when there is none.",
            headers = { @Header(name = HttpHeaders.ETAG, description = "Send it back as If-None-Match.",
                    schema = @Schema(type = "string")),
                    @Header(name = HttpHeaders.LINK, description = "rel=\"next\": the next page, when there is one.",
                            schema = @Schema(type = "string")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = Notice.class))))
    @ApiResponse(responseCode = "304", description = "Nothing changed since the ETag given in If-None-Match.",
            content = @Content, headers = @Header(name = HttpHeaders.ETAG, description = "The same ETag.", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Bad kind, page or size: each bad parameter is named under errors.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "401", description = "No API key, or one that is unknown or revoked.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @GetMapping(path = "/api/v1/notices", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Notice>> notices(@AuthenticationPrincipal GameClient game,
            @Parameter(description = "The reader's language: zh-CN or en.", schema = @Schema(type = "string",
                    defaultValue = "zh-CN", example = "en"))
            @RequestParam(defaultValue = "zh-CN") String lang,
            @Parameter(description = "Which kinds, repeated or comma separated: outage, maintenance, event, "
                    + "event_result, rule_change, other, or all. Without it: outage.",
                    array = @ArraySchema(schema = @Schema(type = "string", example = "all")))
            @RequestParam(required = false) List<String> kind,
            @Parameter(description = "Page number from 0.", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "10000", defaultValue = "0"))
            @RequestParam(required = false) String page,
            @Parameter(description = "Notices per page.", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) String size,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH, required = false,
                    description = "The ETag of the last answer.", schema = @Schema(type = "string"))
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Query query = Query.of(lang, kind, page, size);
        UUID gameId = game.gameId();
        String etag = etag(gameId, query);
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noCache())
                    .build();
        }
        List<Notice> all = feed(gameId, query);
        int from = (int) Math.min((long) query.page() * query.size(), all.size());
        int to = Math.min(from + query.size(), all.size());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache());
        if (to < all.size()) {
            answer.header(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("page", query.page() + 1).build().toUriString() + ">; rel=\"next\"");
        }
        return answer.body(List.copyOf(all.subList(from, to)));
    }

    /** Every notice the query asks for, pinned first, then the newest. */
    private List<Notice> feed(UUID gameId, Query query) {
        List<Notice> notices = new ArrayList<>();
        if (query.kinds().contains(OUTAGE)) {
            for (HelpNotice outage : incidents.notices(gameId, query.locale())) {
                notices.add(new Notice(outage.incidentId(), OUTAGE, outage.incidentId(), null, outage.text(), null,
                        null, outage.since(), null, false, null, null));
            }
        }
        for (PublishedAnnouncement a : announcements.shown(gameId, query.locale())) {
            if (query.kinds().contains(a.kind().code())) {
                notices.add(new Notice(a.id(), a.kind().code(), null, a.title(), a.text(), a.html(),
                        a.language().toLanguageTag(), a.since(), a.until(), a.pinned(), a.windowStart(),
                        a.windowEnd()));
            }
        }
        notices.sort(Comparator.comparing(Notice::pinned).reversed()
                .thenComparing(n -> n.since() == null ? Instant.MIN : n.since(), Comparator.reverseOrder())
                .thenComparing(n -> n.id().toString()));
        return notices;
    }

    /** The ETag: both modules' stamps and the query, hashed; reads no notice. */
    private String etag(UUID gameId, Query query) {
        String source = gameId + "|" + (query.wantsAnnouncements() ? announcements.stamp(gameId) : "-") + "|"
                + (query.kinds().contains(OUTAGE) ? incidents.noticesStamp(gameId) : "-") + "|" + query;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether If-None-Match names this ETag (or any: *); a weak comparison, as RFC 9110 asks for it. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** What a game asks for: the language, the kinds, the page. */
    record Query(Locale locale, Set<String> kinds, int page, int size) {

        static final List<String> KINDS = codes();

        static Query of(String lang, List<String> kind, String page, String size) {
            List<InvalidInput.FieldError> errors = new ArrayList<>();
            Set<String> kinds = new LinkedHashSet<>();
            if (kind == null || kind.isEmpty()) {
                kinds.add(OUTAGE);
            } else {
                for (String listed : kind) {
                    for (String code : listed.split(",")) {
                        String c = code.strip();
                        if (c.isEmpty()) {
                            continue;
                        }
                        if (ALL.equals(c)) {
                            kinds.addAll(KINDS);
                        } else if (KINDS.contains(c)) {
                            kinds.add(c);
                        } else {
                            errors.add(new InvalidInput.FieldError("kind", "invalid.unknownCode", c,
                                    String.join(", ", KINDS) + ", " + ALL));
                        }
                    }
                }
                if (kinds.isEmpty() && errors.isEmpty()) {
                    kinds.add(OUTAGE);
                }
            }
            int pageNumber = number("page", page, 0, 0, PAGE_MAX, errors);
            int pageSize = number("size", size, SIZE_DEFAULT, 1, SIZE_MAX, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            Locale locale = lang != null && "en".equals(Locale.forLanguageTag(lang.strip()).getLanguage())
                    ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            return new Query(locale, Set.copyOf(kinds), pageNumber, pageSize);
        }

        boolean wantsAnnouncements() {
            return kinds.size() > (kinds.contains(OUTAGE) ? 1 : 0);
        }

        @Override
        public String toString() {
            return locale.toLanguageTag() + "|" + KINDS.stream().filter(kinds::contains).toList() + "|" + page + "|"
                    + size;
        }

        private static List<String> codes() {
            List<String> codes = new ArrayList<>(List.of(OUTAGE));
            for (AnnouncementKind k : AnnouncementKind.values()) {
                codes.add(k.code());
            }
            return List.copyOf(codes);
        }

        /** The whole number given, within its range; the default when none is given. */
        private static int number(String field, String value, int absent, int min, int max,
                List<InvalidInput.FieldError> errors) {
            if (value == null || value.isBlank()) {
                return absent;
            }
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= min && n <= max) {
                    return n;
                }
                errors.add(new InvalidInput.FieldError(field, "invalid.range.between", max, min));
            } catch (NumberFormatException notANumber) {
                errors.add(new InvalidInput.FieldError(field, "invalid.wholeNumber"));
            }
            return absent;
        }
    }
}

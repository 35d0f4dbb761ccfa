package org.playerdesk.chat.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.chat.ChatBot;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatIdentity;
import org.playerdesk.chat.ChatLine;
import org.playerdesk.chat.ChatStarted;
import org.playerdesk.chat.ChatStatus;
import org.playerdesk.chat.ChatSurvey;
import org.playerdesk.chat.ChatView;
import org.playerdesk.chat.Sender;
import org.playerdesk.chat.internal.ChatProperties;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.AttachmentDownload;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.Upload;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The player's chat API, used by the widget: start a chat, catch up on what was missed, send an
 * image, end and rate. Every call after the start carries the chat token ({@code X-Chat-Token}).
 */
@RestController
@RequestMapping("/chat/api")
@Tag(name = "Live chat", description = "The player's side of the live chat, as the widget calls it (docs/chat.md).")
class PlayerChatController {

    static final String TOKEN = "X-Chat-Token";

    private final ChatDesk desk;
    private final TicketQueries tickets;
    private final ChatProperties properties;
    private final ConflictRetry conflicts;

    PlayerChatController(ChatDesk desk, TicketQueries tickets, ChatProperties properties, ConflictRetry conflicts) {
        this.conflicts = conflicts;
        this.desk = desk;
        this.tickets = tickets;
        this.properties = properties;
    }

    @Schema(name = "ChatStart", description = "The player's first message, with the identity the game signed "
            + "(docs/chat.md) or, where the game allows guests, a guest name.")
    record StartRequest(ChatIdentity identity,
            @Schema(maxLength = 100, description = "A guest's name, without an identity.") String guestName,
            @Schema(requiredMode = REQUIRED, maxLength = 100, description = "The widget's own id for the message.")
            String clientId,
            @Schema(requiredMode = REQUIRED, example = "充值 648 元没到账") String message) {
    }

    @Schema(name = "ChatRating")
    record RatingRequest(@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "5") Integer score,
            @Schema(example = "很快") String comment,
            @Schema(description = "Codes of the reasons ticked, among those the chat's state offered (survey.reasons).",
                    example = "[\"slow\"]") List<String> reasons) {
    }

    @Schema(name = "ChatBotAnswerReply", description = "The player's word on the bot's answer.")
    record BotReply(@Schema(requiredMode = REQUIRED, allowableValues = { "solved", "agent" },
            description = "solved: it solved the problem (the chat ends); agent: talk to an agent (the chat queues).")
            String answer) {
    }

    @PostMapping(path = "/{game}/chats", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "startChat", summary = "Start a chat with the player's first message",
            description = "Answers the chat's state with the token (X-Chat-Token) every later call carries. Outside "
                    + "service hours the chat is a ticket from the start (status ticket). When the bot has an article "
                    + "that answers the message (status bot, with bot), the chat joins the queue only once the player "
                    + "asks for an agent (answerChatBot) or writes again.")
    @ApiResponse(responseCode = "201", description = "Started.")
    @ApiResponse(responseCode = "400", description = "Bad input: each bad field is named under errors.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Refused: no identity where one is needed, a wrong or stale "
            + "signature (code chat.identity.*).", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such game.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The body is larger than playerdesk.api.max-body.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Too many chats started from this address; retry after the "
            + "seconds in Retry-After.", headers = @Header(name = "Retry-After", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<ChatState> start(@Parameter(description = "The game's code.", example = "demo")
            @PathVariable String game,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = StartRequest.class),
                    examples = @ExampleObject(name = "signed", summary = "A player the game signed in", value = """
                            {"identity": {"game": "demo", "accountId": "10086", "nickname": "风之子", "vipLevel": 3,
                              "server": "S12", "timestamp": 1764547200,
                              "signature": "9f2c…(hex HMAC-SHA256 of the six fields, see docs/chat.md)"},
                             "clientId": "c-1", "message": "充值 648 元没到账"}""")))
            @RequestBody StartRequest request) {
        ChatStarted started = desk.start(game, request.identity(), request.guestName(), request.clientId(),
                request.message());
        return ResponseEntity.status(HttpStatus.CREATED).body(ChatState.of(started.chat(), List.of(started.first()),
                started.position(), started.expectedWaitMinutes(), started.followLink(), started.token())
                .offering(BotAnswer.of(started.botAnswer(), ChatBot.Offer.OFFERED)));
    }

    @PostMapping(path = "/chats/{chat}/bot", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "answerChatBot", summary = "The player's word on the bot's answer, once",
            description = "solved ends the chat (its ticket is resolved as the bot's deflection; the state carries "
                    + "the end-of-chat survey when the game asks one); agent puts the chat in the queue.")
    @ApiResponse(responseCode = "200", description = "The chat's state.")
    @ApiResponse(responseCode = "400", description = "answer is neither solved nor agent (named under errors).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "No such chat, or a wrong token (code chat.token.invalid).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The bot offered nothing in this chat (code chat.bot.none), or "
            + "the player has answered already (code chat.bot.answered).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ChatState answerBot(@PathVariable UUID chat, @Parameter(in = ParameterIn.HEADER, name = TOKEN, required = true)
            @RequestHeader(name = TOKEN, required = false) String token,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BotReply.class),
                    examples = @ExampleObject(name = "solved", value = "{\"answer\": \"solved\"}")))
            @RequestBody BotReply reply, Locale locale) {
        desk.authenticate(chat, token);
        String answer = reply == null || reply.answer() == null ? "" : reply.answer().strip();
        if (!answer.equals("solved") && !answer.equals("agent")) {
            throw InvalidInput.of("answer", "invalid.oneOf", "solved, agent");
        }
        // the chat's ticket may be changing at this moment (its first tags, rules, service levels)
        ChatView view = conflicts.call(() -> desk.answerBot(chat, answer.equals("solved")));
        int[] queue = desk.queuePosition(chat);
        return ChatState.of(view, List.of(), queue[0], queue[1], null, null).asking(endSurvey(view, locale))
                .offering(botAnswer(view));
    }

    /** The chat's state and the messages after {@code after}: what a reconnecting widget asks first. */
    @GetMapping(path = "/chats/{chat}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "chatState", summary = "The chat's state and the messages after a number",
            description = "What a reconnecting widget asks first.")
    @ApiResponse(responseCode = "200", description = "The state.")
    @ApiResponse(responseCode = "400", description = "The chat id is not a UUID, or after is not a number.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "No such chat, or a wrong token (code chat.token.invalid).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ChatState catchUp(@PathVariable UUID chat, @Parameter(in = ParameterIn.HEADER, name = TOKEN, required = true,
            description = "The token the start answered.") @RequestHeader(name = TOKEN, required = false) String token,
            @Parameter(description = "The last message number the widget has (0: all).")
            @RequestParam(defaultValue = "0") long after, Locale locale) {
        ChatView view = desk.authenticate(chat, token);
        int[] queue = desk.queuePosition(chat);
        return ChatState.of(view, desk.history(chat, after), queue[0], queue[1],
                view.status() == ChatStatus.TICKET ? desk.followLink(chat) : null, null).asking(endSurvey(view, locale))
                .offering(botAnswer(view));
    }

    @PostMapping(path = "/chats/{chat}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "sendChatImage", summary = "Send an image into the chat",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(type = "object", requiredProperties = {"file"}),
                    schemaProperties = {
                        @io.swagger.v3.oas.annotations.media.SchemaProperty(name = "file", schema = @Schema(
                                type = "string", format = "binary",
                                description = "The image: PNG, JPEG, GIF or WebP, at most the chat's image size.")),
                        @io.swagger.v3.oas.annotations.media.SchemaProperty(name = "clientId", schema = @Schema(
                                type = "string", description = "The widget's own id for the line, so that a resend "
                                        + "is delivered once (also accepted as a query parameter)."))},
                    examples = @ExampleObject(name = "screenshot", summary = "A screenshot of the error",
                            value = "{\"clientId\": \"img-7f3a21\", \"file\": \"(the PNG's bytes)\"}"))))
    @ApiResponse(responseCode = "200", description = "The image's chat line.")
    @ApiResponse(responseCode = "400", description = "No file, not an image, or too large (field file).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "No such chat, or a wrong token (code chat.token.invalid).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The chat's state refuses it, e.g. it has ended.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ChatLineView image(@PathVariable UUID chat, @Parameter(in = ParameterIn.HEADER, name = TOKEN, required = true)
            @RequestHeader(name = TOKEN, required = false) String token,
            @Parameter(hidden = true) @RequestParam(required = false) String clientId,
            @Parameter(hidden = true) @RequestParam(required = false) MultipartFile file)
            throws IOException {
        desk.authenticate(chat, token);
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "invalid.chooseImage");
        }
        if (file.getSize() > properties.imageMaxSize().toBytes()) {
            throw InvalidInput.of("file", "invalid.imageTooLarge", properties.imageMaxSize().toMegabytes());
        }
        String type = file.getContentType() == null ? "" : file.getContentType();
        if (!type.startsWith("image/")) {
            throw InvalidInput.of("file", "invalid.imageType");
        }
        String name = file.getOriginalFilename() == null ? "image" : file.getOriginalFilename();
        return ChatLineView.of(desk.post(chat, Sender.player(chat), clientId, null, new Upload(name, file.getBytes())));
    }

    /** An image of the chat, for the player's widget (an {@code <img>} cannot send headers: the token is a parameter). */
    @GetMapping("/chats/{chat}/images/{image}")
    @Operation(operationId = "chatImage", summary = "An image of the chat",
            description = "For the widget's <img>, which cannot send headers: the token is a parameter.")
    @ApiResponse(responseCode = "200", description = "The image.", content = @Content(mediaType = "image/*",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "An id is not a UUID.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "No such chat, or a wrong token (code chat.token.invalid).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such image in this chat.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Resource> showImage(@PathVariable UUID chat, @PathVariable UUID image,
            @RequestParam(required = false) String token) {
        ChatView view = desk.authenticate(chat, token);
        return AttachmentDownload.of(tickets.attachment(view.ticketId(), image, false));
    }

    @PostMapping(path = "/chats/{chat}/end", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "endChat", summary = "The player ends the chat")
    @ApiResponse(responseCode = "200", description = "The ended chat's state.")
    @ApiResponse(responseCode = "400", description = "The chat id is not a UUID.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "No such chat, or a wrong token (code chat.token.invalid).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The chat's state refuses it.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ChatState end(@PathVariable UUID chat, @Parameter(in = ParameterIn.HEADER, name = TOKEN, required = true)
            @RequestHeader(name = TOKEN, required = false) String token, Locale locale) {
        desk.authenticate(chat, token);
        ChatView ended = desk.end(chat, Sender.player(chat));
        return ChatState.of(ended, List.of(), 0, 0, null, null).asking(endSurvey(ended, locale));
    }

    @PostMapping(path = "/chats/{chat}/rating", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "rateChat", summary = "The player rates an ended chat, once")
    @ApiResponse(responseCode = "200", description = "The rated chat's state.")
    @ApiResponse(responseCode = "400", description = "A score outside 1 to 5, or a comment too long (named under "
            + "errors).", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "No such chat, or a wrong token (code chat.token.invalid).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Not ended yet, rated already, or the game does not ask after "
            + "a chat (code chat.rate.not-asked).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ChatState rate(@PathVariable UUID chat, @Parameter(in = ParameterIn.HEADER, name = TOKEN, required = true)
            @RequestHeader(name = TOKEN, required = false) String token,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RatingRequest.class),
                    examples = @ExampleObject(name = "rating", value = "{\"score\": 5, \"comment\": \"很快\"}")))
            @RequestBody RatingRequest rating) {
        desk.authenticate(chat, token);
        return ChatState.of(desk.rate(chat, rating.score(), rating.comment(), rating.reasons()), List.of(), 0, 0, null,
                null);
    }

    /** The game's question while an ended chat waits for its rating; null otherwise or when the game asks none. */
    private EndSurvey endSurvey(ChatView chat, Locale locale) {
        if (chat.status() != ChatStatus.ENDED || chat.rating() != null) {
            return null;
        }
        return desk.endQuestion(chat.id(), locale).map(EndSurvey::of).orElse(null);
    }

    /** The bot's answer in the chat, with the player's word on it, if the bot offered one. */
    private BotAnswer botAnswer(ChatView chat) {
        return desk.botOffer(chat.id()).map(offer -> BotAnswer.of(offer.answer(), offer.outcome())).orElse(null);
    }

    /** The problem-details schema of the API document (channel.api writes it down). */
    static final String PROBLEM = "#/components/schemas/Problem";

    /** The chat as the widget sees it; absent values are left out. */
    @Schema(name = "ChatState")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChatState(@Schema(requiredMode = REQUIRED) UUID chat,
            @Schema(requiredMode = REQUIRED, allowableValues = { "bot", "waiting", "active", "ended", "ticket" },
                    description = "bot: the bot's answer waits for the player's word before the chat joins the queue.")
            String status,
            @Schema(description = "The agent's name, once one has the chat.") String agent,
            @Schema(requiredMode = REQUIRED, description = "Place in the queue while waiting (1: next), else 0.")
            int position,
            @Schema(requiredMode = REQUIRED) int expectedWaitMinutes,
            @Schema(requiredMode = REQUIRED, description = "The last message number the agent has read.")
            long agentRead,
            @Schema(description = "The player's score, once rated.") Integer rating,
            @Schema(description = "The private link of the chat's ticket, once it is one (and in the start's answer).")
            String followLink,
            @Schema(requiredMode = REQUIRED) List<ChatLineView> lines,
            @Schema(description = "Only in the start's answer: the secret every later call sends as X-Chat-Token.")
            String token,
            @Schema(description = "Once the chat has ended and until it is rated (in the answers of chatState and "
                    + "endChat): what the game asks, in the language of Accept-Language. Left out when the game "
                    + "does not ask after a chat.") EndSurvey survey,
            @Schema(description = "The article the bot answered the first message with, when it did, and the "
                    + "player's word on it.") BotAnswer bot) {

        static ChatState of(ChatView chat, List<ChatLine> lines, int position, int wait, String followLink,
                String token) {
            return new ChatState(chat.id(), chat.status().code(), chat.agentName(), position, wait, chat.agentRead(),
                    chat.rating(), followLink, lines.stream().map(ChatLineView::of).toList(), token, null, null);
        }

        ChatState asking(EndSurvey survey) {
            return new ChatState(chat, status, agent, position, expectedWaitMinutes, agentRead, rating, followLink,
                    lines, token, survey, bot);
        }

        ChatState offering(BotAnswer answer) {
            return new ChatState(chat, status, agent, position, expectedWaitMinutes, agentRead, rating, followLink,
                    lines, token, survey, answer);
        }
    }

    /** The bot's answer as the player sees it: the article's title, a passage, its help-center page. */
    @Schema(name = "ChatBotAnswer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BotAnswer(@Schema(requiredMode = REQUIRED) UUID article,
            @Schema(requiredMode = REQUIRED, example = "充值未到账怎么办") String title,
            @Schema(description = "A short passage of the article, as plain text.") String passage,
            @Schema(requiredMode = REQUIRED, description = "The article's page in the help center (a path of this "
                    + "site).", example = "/help/demo/articles/0193b7d2-5c1e-7a3b-9f00-2a6c1d0e4b11") String link,
            @Schema(requiredMode = REQUIRED, allowableValues = { "offered", "solved", "agent", "wrote", "unanswered",
                "left" }, description = "offered: waiting for the player's word.") String outcome) {

        static BotAnswer of(ChatBot.Answer answer, String outcome) {
            return answer == null ? null
                    : new BotAnswer(answer.articleId(), answer.title(), answer.passage(), answer.link(), outcome);
        }
    }

    /** The question at the end of a chat: the game's words (left out: the widget's own) and the reasons offered. */
    @Schema(name = "ChatSurvey")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EndSurvey(@Schema(example = "您对本次客服的服务满意吗？") String question,
            @Schema(requiredMode = REQUIRED) List<EndReason> reasons) {

        static EndSurvey of(ChatSurvey.Question question) {
            return new EndSurvey(question.text(),
                    question.reasons().stream().map(r -> new EndReason(r.code(), r.label())).toList());
        }
    }

    /** A reason the player may tick. */
    @Schema(name = "ChatSurveyReason")
    record EndReason(@Schema(requiredMode = REQUIRED, example = "slow") String code,
            @Schema(requiredMode = REQUIRED, example = "等待时间太长") String label) {
    }

    /** One message of the chat; absent values are left out. */
    @Schema(name = "ChatLine")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChatLineView(@Schema(requiredMode = REQUIRED) UUID sessionId,
            @Schema(requiredMode = REQUIRED, description = "Counted per chat from 1.") long seq,
            @Schema(description = "The sender's own id for it, when it gave one.") String clientId,
            @Schema(requiredMode = REQUIRED, allowableValues = { "player", "agent", "system" }) String kind,
            @Schema(description = "The author's name, when shown.") String author,
            @Schema(description = "The text; left out for an image.") String body,
            @Schema(description = "An image's id (see chatImage).") UUID imageId,
            @Schema(requiredMode = REQUIRED) Instant at) {

        static ChatLineView of(ChatLine line) {
            return new ChatLineView(line.sessionId(), line.seq(), line.clientId(), line.kind(), line.author(),
                    line.body(), line.imageId(), line.at());
        }
    }
}

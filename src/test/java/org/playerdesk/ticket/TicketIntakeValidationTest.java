package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.InvalidInput.FieldError;
import org.playerdesk.system.errors.PayloadTooLarge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Opening a ticket checks every field and names each bad one; a refused ticket leaves no trace:
 * no player, no ticket, no message.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TicketIntakeValidationTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
    static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    JdbcTemplate jdbc;

    GameInfo game;

    @BeforeEach
    void freshGame() {
        game = workspace.game();
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        NewTicket request = new NewTicket(game.id(), new PlayerIdentity(" ", "昵称\u0000", "s".repeat(65), null),
                "refund", "pigeon", "asap", "", "   ", "not-an-email", Map.of("bad key!", "x"), false);

        assertThat(refusal(request)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "player.accountId", "player.nickname", "player.server", "type", "channel", "priority", "subject",
                "message", "contactEmail", "metadata");
        assertNothingStored();
    }

    @Test
    void unknownTypeListsTheValidTypes() {
        List<FieldError> errors = refusal(valid(r -> r.type = "refund"));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("type");
            assertThat(error.key()).isEqualTo("invalid.unknownCode");
            assertThat(error.arguments().getFirst()).isEqualTo("refund");
            assertThat((String) error.arguments().get(1))
                    .contains(Arrays.stream(TicketType.values()).map(Coded::code).toList());
        });
    }

    @Test
    void missingTypeIsRefusedButChannelAndPriorityHaveDefaults() {
        assertThat(refusal(valid(r -> r.type = null))).extracting(FieldError::field).containsExactly("type");

        TicketView opened = desk.open(valid(r -> {
            r.channel = null;
            r.priority = null;
        }), List.of()).ticket();
        assertThat(opened.channel()).isEqualTo(TicketChannel.IN_GAME);
        assertThat(opened.priority()).isEqualTo(TicketPriority.NORMAL);
    }

    @Test
    void refusesControlCharactersButKeepsLineBreaksInTheMessage() {
        assertThat(refusal(valid(r -> r.subject = "退款\u0007"))).extracting(FieldError::field).containsExactly("subject");
        assertThat(refusal(valid(r -> r.subject = "第一行\n第二行"))).extracting(FieldError::field).containsExactly("subject");
        assertThat(refusal(valid(r -> r.message = "乱码\u001b[2J"))).extracting(FieldError::field).containsExactly("message");
        assertThat(refusal(valid(r -> r.message = "broken \ud83d"))).extracting(FieldError::field).containsExactly("message");
        assertNothingStored();

        TicketView opened = desk.open(valid(r -> r.message = "第一行\n第二行\n\t缩进"), List.of()).ticket();
        assertThat(opened.subject()).isEqualTo("充值没有到账");
    }

    @Test
    void refusesTooLongSubjectAndMessage() {
        assertThat(refusal(valid(r -> r.subject = "字".repeat(201)))).singleElement()
                .isEqualTo(new FieldError("subject", "invalid.tooLong", 200, 0));
        assertThat(refusal(valid(r -> r.message = "x".repeat(20_001)))).extracting(FieldError::field)
                .containsExactly("message");
        assertNothingStored();
    }

    @Test
    void limitsMetadata() {
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i < 31; i++) {
            tooMany.put("key" + i, "value");
        }
        assertThat(refusal(valid(r -> r.metadata = tooMany))).singleElement()
                .isEqualTo(new FieldError("metadata", "invalid.tooMany", 30));
        assertThat(refusal(valid(r -> r.metadata = Map.of("k".repeat(65), "v")))).extracting(FieldError::field)
                .containsExactly("metadata");
        assertThat(refusal(valid(r -> r.metadata = Map.of("device", "x".repeat(501))))).singleElement()
                .isEqualTo(new FieldError("metadata.device", "invalid.tooLong", 500, 0));
        assertThat(refusal(valid(r -> r.metadata = Map.of("device", "line\nbreak")))).extracting(FieldError::field)
                .containsExactly("metadata.device");
        assertNothingStored();

        Map<String, String> thirty = new HashMap<>(tooMany);
        thirty.remove("key0");
        assertThat(desk.open(valid(r -> r.metadata = thirty), List.of()).ticket().number()).isPositive();
    }

    @Test
    void refusesMoreFilesThanAllowed() {
        List<Upload> six = java.util.stream.IntStream.range(0, 6).mapToObj(i -> new Upload(i + ".png", PNG)).toList();

        assertThatThrownBy(() -> desk.open(valid(r -> {
        }), six)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("files"));
        assertNothingStored();
    }

    @Test
    void aFileRefusedAfterThePlayerAndTicketWereWrittenUndoesEverything() {
        assertThatThrownBy(() -> desk.open(valid(r -> {
        }), List.of(new Upload("ok.png", PNG), new Upload("virus.png", EXE))))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("files[1]"));
        assertThatThrownBy(() -> desk.open(valid(r -> {
        }), List.of(new Upload("empty.png", new byte[0])))).isInstanceOf(InvalidInput.class);
        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        assertThatThrownBy(() -> desk.open(valid(r -> {
        }), List.of(new Upload("huge.png", huge)))).isInstanceOf(PayloadTooLarge.class);

        assertNothingStored();
    }

    private void assertNothingStored() {
        UUID gameId = game.id();
        assertThat(jdbc.queryForObject("select count(*) from player where game_id = ?", Long.class, gameId))
                .as("players").isZero();
        assertThat(jdbc.queryForObject("select count(*) from ticket where game_id = ?", Long.class, gameId))
                .as("tickets").isZero();
        assertThat(jdbc.queryForObject("select count(*) from ticket_message m join ticket t on t.id = m.ticket_id "
                + "where t.game_id = ?", Long.class, gameId)).as("messages").isZero();
        assertThat(jdbc.queryForObject("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id "
                + "where t.game_id = ?", Long.class, gameId)).as("attachments").isZero();
    }

    private List<FieldError> refusal(NewTicket request) {
        try {
            desk.open(request, List.of());
        } catch (InvalidInput e) {
            return e.errors();
        }
        throw new AssertionError("the ticket was accepted: " + request);
    }

    /** A valid request, changed by {@code change}. */
    private NewTicket valid(Consumer<Draft> change) {
        Draft draft = new Draft();
        change.accept(draft);
        return new NewTicket(game.id(), draft.player, draft.type, draft.channel, draft.priority, draft.subject,
                draft.message, draft.email, draft.metadata, false);
    }

    static class Draft {
        PlayerIdentity player = new PlayerIdentity("acc-" + UUID.randomUUID().toString().substring(0, 8), "夜雨听风",
                "S1", "剑客");
        String type = "payment";
        String channel = "in_game";
        String priority = "high";
        String subject = "充值没有到账";
        String message = "今天充值了648元，钻石没有到账。";
        String email = "player@example.com";
        Map<String, String> metadata = Map.of("order_id", "20261122-8842");
    }
}

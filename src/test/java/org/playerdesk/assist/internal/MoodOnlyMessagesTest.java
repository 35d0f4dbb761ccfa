package org.playerdesk.assist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;

/**
 * Seed messages written to teach the mood alone carry {@code -} for their type and priority: the
 * mood's regression learns from them, the type's and the priority's and the neighbours' vote do not.
 */
class MoodOnlyMessagesTest {

    @Test
    void aMessageForTheMoodAloneIsReadWithoutTypeOrPriority() {
        List<SeedSet.Message> read = SeedSet.read(new ByteArrayInputStream(("# type\tpriority\tmood\n"
                + "bug\thigh\tupset\tfrustration\t-\t登录就闪退，试了三次了\n"
                + "-\t-\thostile\tcontempt\t-\t你们客服真是太厉害了，三天回一句话\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(read).extracting(SeedSet.Message::type).containsExactly(TicketType.BUG, null);
        assertThat(read).extracting(SeedSet.Message::priority).containsExactly(TicketPriority.HIGH, null);
        assertThat(read).extracting(SeedSet.Message::mood).containsExactly("frustration", "contempt");
    }

    @Test
    void onlyTheMoodLearnsFromIt() {
        List<TicketClassifier.Sample> samples = List.of(
                new TicketClassifier.Sample("游戏一打开就闪退", new float[] { 1, 0, 0, 0 }, TicketType.BUG,
                        TicketPriority.NORMAL, "calm", 1),
                new TicketClassifier.Sample("充值了没到账", new float[] { 0, 1, 0, 0 }, TicketType.PAYMENT,
                        TicketPriority.HIGH, "anxiety", 1),
                new TicketClassifier.Sample("你们客服都是摆设吧", new float[] { 0, 0, 1, 0 }, null, null, "contempt", 1));

        TicketClassifier.Model model = TicketClassifier.train(samples);

        assertThat(model.types().labels()).containsExactlyInAnyOrder("bug", "payment");
        assertThat(model.priorities().labels()).containsExactlyInAnyOrder("normal", "high");
        assertThat(model.moods().labels()).containsExactlyInAnyOrder("calm", "anxiety", "contempt");
        assertThat(model.neighbours()).extracting(TicketClassifier.Sample::text)
                .containsExactly("游戏一打开就闪退", "充值了没到账");
        assertThat(model.vote(new float[] { 0, 0, 1, 0 })).as("the nearest message has no type to vote with")
                .containsOnly(0.5, 0.5);
    }
}

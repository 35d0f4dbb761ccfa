package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.InvalidInput.FieldError;

/** A game's synonyms as an admin types them: one group a line, each bad line named by its number. */
class SynonymBookTest {

    @Test
    void readsOneGroupALineWithChineseAndEnglishCommas() {
        assertThat(SynonymBook.parse("盗号, 被盗，号被偷\n\n充值、氪金, 充值")).containsExactly(
                List.of("盗号", "被盗", "号被偷"), List.of("充值", "氪金"));
    }

    @Test
    void namesEveryBadLineByItsNumber() {
        assertThatThrownBy(() -> SynonymBook.parse("盗号\n充值, 氪金\n" + "长".repeat(200) + ", 短"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).satisfiesExactly(
                        pair -> assertThat(pair).isEqualTo(new FieldError("synonyms", "invalid.synonyms.pair", 1)),
                        tooLong -> {
                            assertThat(tooLong.key()).isEqualTo("invalid.synonyms.long");
                            assertThat(tooLong.arguments().getFirst()).isEqualTo(3);
                        }));
    }
}

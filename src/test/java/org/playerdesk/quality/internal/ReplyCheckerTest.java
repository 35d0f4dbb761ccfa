package org.playerdesk.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.playerdesk.quality.CheckRules;
import org.playerdesk.quality.Finding;
import org.playerdesk.quality.ReplyCheck;
import org.playerdesk.quality.ReplyDraft;
import org.playerdesk.quality.Severity;

/** Each reply check in Chinese and English, with the uses a reviewer would not count. */
class ReplyCheckerTest {

    private static final CheckRules RULES = CheckRules.defaults();
    private static final Function<String, List<String>> NO_PHRASES = text -> List.of();

    private static List<Finding> check(ReplyDraft draft) {
        return ReplyChecker.check(draft, RULES, NO_PHRASES);
    }

    private static List<String> found(ReplyCheck check, String text) {
        return check(ReplyDraft.of(text)).stream().filter(f -> f.check() == check).map(Finding::evidence).toList();
    }

    @Test
    void aPoliteAnswerInEitherLanguageHasNoFinding() {
        assertThat(check(new ReplyDraft("您好！您的账号已经恢复，请重新登录。如果还有什么需要咨询的，请随时联系我，祝您玩得开心！",
                true, true, false, 500))).isEmpty();
        assertThat(check(new ReplyDraft("Hello! Your account is restored: please sign in again. If there is anything else, "
                + "feel free to write to us. Happy gaming!", true, true, false, 500))).isEmpty();
    }

    @Test
    void vagueWordsAreFoundInChineseButNotWhereThePlayerIsTheSubjectOrWhereTheyMeanADuty() {
        assertThat(found(ReplyCheck.VAGUE_WORD, "嗯，您的充值好像已经到账了，应该没问题，可能吧。"))
                .containsExactly("嗯", "好像", "应该", "可能吧");
        assertThat(found(ReplyCheck.VAGUE_WORD, "您的装备我们不太清楚去哪了。")).containsExactly("不太清楚");
        // what the player should have or do, and what is the agent's duty, are not the agent's hedges
        assertThat(found(ReplyCheck.VAGUE_WORD, "您应该已经收到邮件了，请查看收件箱。")).isEmpty();
        assertThat(found(ReplyCheck.VAGUE_WORD, "玩家应该先绑定手机，再申请解封。")).isEmpty();
        assertThat(found(ReplyCheck.VAGUE_WORD, "不客气，这是我们应该做的，也是我们应该的。")).isEmpty();
        // the player's own words quoted back are not the agent's
        assertThat(found(ReplyCheck.VAGUE_WORD, "您说“好像被盗了”，我们已为您冻结账号。")).isEmpty();
        // but the same word about the game's facts is
        assertThat(found(ReplyCheck.VAGUE_WORD, "您的账号应该已经解封了。")).containsExactly("应该");
    }

    @Test
    void vagueWordsAreFoundInEnglishAsWholeWordsButNotAboutThePlayer() {
        assertThat(found(ReplyCheck.VAGUE_WORD, "Hmm, your gems were probably refunded, maybe tomorrow. I'm not sure."))
                .containsExactly("hmm", "maybe", "probably", "not sure");
        assertThat(found(ReplyCheck.VAGUE_WORD, "If you are not sure of your player ID, open Settings.")).isEmpty();
        assertThat(found(ReplyCheck.VAGUE_WORD, "You're not sure? The ID is under your avatar.")).isEmpty();
        // parts of other words are not the words
        assertThat(found(ReplyCheck.VAGUE_WORD, "Umbrella skins are in the shop; the summary is attached.")).isEmpty();
    }

    @Test
    void theFirstReplyGreetsAndTheLastOneCloses() {
        List<Finding> bare = check(new ReplyDraft("已为您补发钻石。", true, true, false, 0));
        assertThat(bare).extracting(Finding::check).containsExactly(ReplyCheck.NO_GREETING, ReplyCheck.NO_CLOSING);
        assertThat(check(new ReplyDraft("Your gems were sent again.", true, true, false, 0))).extracting(Finding::check)
                .containsExactly(ReplyCheck.NO_GREETING, ReplyCheck.NO_CLOSING);
        // in the middle of a conversation neither is asked for
        assertThat(check(new ReplyDraft("已为您补发钻石。", false, false, false, 0))).isEmpty();
        // a greeting counts in the first sentence only; "hi" inside "this" is no greeting
        assertThat(check(new ReplyDraft("This is fixed. Hi!", true, false, false, 0))).extracting(Finding::check)
                .containsExactly(ReplyCheck.NO_GREETING);
        assertThat(check(new ReplyDraft("亲爱的玩家，您好！问题已处理。", true, false, false, 0))).isEmpty();
        // a closing counts in the last two sentences
        assertThat(check(new ReplyDraft("谢谢您的耐心。问题已处理。请重新登录。", false, true, false, 0)))
                .extracting(Finding::check).containsExactly(ReplyCheck.NO_CLOSING);
        assertThat(check(new ReplyDraft("Fixed. Thanks for your patience!", false, true, false, 0))).isEmpty();
    }

    @Test
    void aChineseReplyCallsThePlayer您() {
        assertThat(found(ReplyCheck.NO_HONORIFIC, "你好，你的账号已经解封。")).containsExactly("你");
        assertThat(found(ReplyCheck.NO_HONORIFIC, "账号已经解封，请重新登录游戏查看背包里的物品。")).containsExactly("");
        // short answers need no address; 你 quoted from the player is theirs
        assertThat(found(ReplyCheck.NO_HONORIFIC, "好的，马上处理。")).isEmpty();
        assertThat(found(ReplyCheck.NO_HONORIFIC, "您提到“你们客服太慢”，非常抱歉让您久等。")).isEmpty();
        // English has no honorific to miss
        assertThat(found(ReplyCheck.NO_HONORIFIC, "your account is unbanned, please sign in again to see your items")).isEmpty();
    }

    @Test
    void interruptingThePlayerAndTooLongARepliesAreFound() {
        assertThat(check(new ReplyDraft("您好，请稍等。", false, false, true, 0))).extracting(Finding::check)
                .containsExactly(ReplyCheck.PLAYER_INTERRUPTED);
        // the length is in characters, not bytes: twelve Chinese characters are twelve
        assertThat(check(new ReplyDraft("您好您好您好您好您好您好", false, false, false, 12))).isEmpty();
        assertThat(check(new ReplyDraft("您好您好您好您好您好您好。", false, false, false, 12)))
                .containsExactly(new Finding(ReplyCheck.TOO_LONG, Severity.WARN, "13/12"));
    }

    @Test
    void forbiddenPhrasesComeFromTheGamesListAndEveryCheckFollowsItsSeverity() {
        Function<String, List<String>> phrases = text -> text.contains("你懂不懂") ? List.of("你懂不懂") : List.of();
        CheckRules rules = RULES.with(ReplyCheck.FORBIDDEN_PHRASE, Severity.BLOCK).with(ReplyCheck.NO_HONORIFIC, Severity.OFF);
        List<Finding> findings = ReplyChecker.check(ReplyDraft.of("你懂不懂规则？"), rules, phrases);
        assertThat(findings).containsExactly(new Finding(ReplyCheck.FORBIDDEN_PHRASE, Severity.BLOCK, "你懂不懂"));
        assertThat(findings.get(0).blocks()).isTrue();
        // every check off: nothing is found, the forbidden list is not even asked
        CheckRules off = RULES;
        for (ReplyCheck check : ReplyCheck.values()) {
            off = off.with(check, Severity.OFF);
        }
        assertThat(ReplyChecker.check(new ReplyDraft("嗯你懂不懂", true, true, true, 1), off, text -> {
            throw new AssertionError("asked");
        })).isEmpty();
    }
}

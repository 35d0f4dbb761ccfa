package org.playerdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.playerdesk.knowledge.internal.SynonymBook;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** Players find answers in their words: Chinese words, synonyms, English with a typo; drafts stay hidden. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ArticleSearchTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    ArticleSearch search;
    @Autowired
    SynonymBook synonyms;

    @Test
    void findsChineseArticlesByTheirWordsTitleFirstWithTheMatchMarked() {
        GameInfo game = workspace.game();
        articles.publish(game, "zh-CN", "账号被盗怎么办", "如果您的账号被盗，请立即修改密码，并提交工单说明最后一次登录的时间。");
        articles.publish(game, "zh-CN", "充值未到账", "充值后金币没有到账，请提供订单号。账号安全请看其他文章。");

        List<ArticleHit> hits = search.search(game.id(), "zh-CN", "账号被盗了", false, 5);

        assertThat(hits).extracting(ArticleHit::title).first().isEqualTo("账号被盗怎么办");
        assertThat(hits.getFirst().snippetHtml()).contains("<mark>");
        assertThat(hits.getFirst().confidence()).isGreaterThan(0.6);
    }

    @Test
    void synonymsEditedByAnAdminApplyAtOnce() {
        GameInfo game = workspace.game();
        articles.publish(game, "zh-CN", "充值未到账", "充值后金币没有到账，请提供订单号。");
        assertThat(search.search(game.id(), "zh-CN", "氪金", false, 5)).isEmpty();

        synonyms.replace(game.id(), "盗号, 被盗, 号被偷\n充值，氪金");

        assertThat(search.search(game.id(), "zh-CN", "氪金", false, 5)).extracting(ArticleHit::title)
                .containsExactly("充值未到账");
        assertThat(synonyms.asText(game.id())).isEqualTo("盗号, 被盗, 号被偷\n充值, 氪金");
    }

    @Test
    void forgivesASmallTypoInEnglishWords() {
        GameInfo game = workspace.game();
        articles.publish(game, "en", "My account was stolen", "Change your password at once and tell us when you last logged in.");

        assertThat(search.search(game.id(), "en", "acount stolen", false, 5)).extracting(ArticleHit::title)
                .containsExactly("My account was stolen");
        assertThat(search.search(game.id(), "en", "pasword", false, 5)).hasSize(1);
    }

    @Test
    void findsOnlyPublishedArticlesOfTheGameAndInternalOnesOnlyForStaff() {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        articles.draft(game, "zh-CN", "封号申诉流程草稿", "草稿里的封号申诉");
        articles.publish(other, "zh-CN", "封号申诉", "别的游戏的封号申诉");
        articles.publishInternal(game, "zh-CN", "封号内部处理", "客服内部：封号核实步骤");

        assertThat(search.search(game.id(), "zh-CN", "封号", false, 5)).isEmpty();
        assertThat(search.search(game.id(), "zh-CN", "封号", true, 5)).extracting(ArticleHit::title)
                .containsExactly("封号内部处理");
    }

    @Test
    void escapesWhatAnArticleSaysInTheSnippet() {
        GameInfo game = workspace.game();
        articles.publish(game, "en", "Refund rules", "Refund <script>alert(1)</script> within 7 days");

        String snippet = search.search(game.id(), "en", "refund", false, 5).getFirst().snippetHtml();

        assertThat(snippet).doesNotContain("<script").contains("&lt;script");
    }

    @Test
    void aLongPassageIsCutAroundTheFirstMatch() {
        GameInfo game = workspace.game();
        // one long sentence: the highlighter's passage is the whole of it
        String before = "before you write to us read the whole of this page with care and ".repeat(6);
        String after = " so keep the order number and the time of the payment at hand".repeat(6);
        articles.publish(game, "en", "Payment missing", before + "a refund takes seven days" + after + ".");

        String snippet = search.search(game.id(), null, "refund", false, 5).getFirst().snippetHtml();

        assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>refund</mark>");
        assertThat(snippet.length()).isLessThan(ArticleSearch.SNIPPET + 40);
    }

    @Test
    void emptyOrPunctuationOnlyQueriesFindNothing() {
        GameInfo game = workspace.game();
        articles.publish(game, "zh-CN", "充值未到账", "充值后金币没有到账");

        assertThat(search.search(game.id(), "zh-CN", "  ", false, 5)).isEmpty();
        assertThat(search.search(game.id(), "zh-CN", "？？！", false, 5)).isEmpty();
        assertThat(search.search(game.id(), "zh-CN", null, false, 5)).isEmpty();
    }

    @Test
    void refusesSynonymLinesWithASingleWord() {
        GameInfo game = workspace.game();

        assertThatThrownBy(() -> synonyms.replace(game.id(), "盗号, 被盗\n充值"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .containsExactly(new InvalidInput.FieldError("synonyms", "invalid.synonyms.pair", 2)));
    }
}

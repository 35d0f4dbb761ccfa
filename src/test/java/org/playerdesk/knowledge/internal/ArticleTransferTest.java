package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.Audience;
import org.playerdesk.knowledge.internal.ArticleTransfer.Action;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** A game's articles go out as Markdown files or CSV and come back in, all or nothing, with a dry run. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ArticleTransferTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    ArticleTransfer transfer;

    @Test
    void exportedMarkdownAndCsvImportBackUnchangedIntoTheSameGameAndAsNewArticlesIntoAnother() throws Exception {
        GameInfo game = workspace.game();
        GameInfo copy = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN), "");
        UUID bind = articles.publish(game, "zh-CN", "如何绑定手机, \"安全\"", "- 打开设置\n- 点击 **绑定**\n\n=不是公式");
        UUID refund = articles.publishInternal(game, "en", "Refund policy", "Internal: refunds within 7 days.");
        articles.draft(game, "en", "Coming soon", "@soon");

        byte[] zip = mvc.perform(get("/console/knowledge/export.zip").param("game", game.code()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".zip")))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, String> files = unzip(zip);
        assertThat(files).hasSize(3).containsKey("articles/zh-CN/" + bind + ".md");
        assertThat(files.get("articles/en/" + refund + ".md")).startsWith("---\nid: " + refund + "\nlocale: en\naudience: internal\n")
                .endsWith("---\nInternal: refunds within 7 days.\n");
        byte[] csv = mvc.perform(get("/console/knowledge/export.csv").param("game", game.code()).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("\"如何绑定手机, \"\"安全\"\"\"", "'@soon");

        // back into the same game: nothing changes
        assertThat(transfer.importArticles(game.id(), "a.zip", zip, false, "admin").rows())
                .allMatch(r -> r.action() == Action.UNCHANGED);
        assertThat(transfer.importArticles(game.id(), "a.csv", csv, false, "admin").rows())
                .allMatch(r -> r.action() == Action.UNCHANGED);

        // into another game: new articles, same texts, same audience and state
        var report = transfer.importArticles(copy.id(), "a.csv", csv, false, "admin");
        assertThat(report.applied()).isTrue();
        assertThat(report.count(Action.CREATE)).isEqualTo(3);
        assertThat(knowledge.articles(copy.id())).hasSize(3).anySatisfy(a -> {
            assertThat(a.draftTitle()).isEqualTo("如何绑定手机, \"安全\"");
            assertThat(a.draftBody()).isEqualTo("- 打开设置\n- 点击 **绑定**\n\n=不是公式");
            assertThat(a.published()).isTrue();
        }).anySatisfy(a -> {
            assertThat(a.draftTitle()).isEqualTo("Refund policy");
            assertThat(a.audience()).isEqualTo(Audience.INTERNAL);
        }).anySatisfy(a -> {
            assertThat(a.draftBody()).isEqualTo("@soon");
            assertThat(a.published()).isFalse();
        });
    }

    @Test
    void aDryRunChangesNothingAndOneBadRowStopsTheWholeImportWithARowByRowReport() throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN), "");
        UUID existing = articles.publish(game, "zh-CN", "充值未到账", "请提供订单号");
        String good = "id,locale,audience,category,announcement,published,title,body\r\n"
                + existing + ",zh-CN,public,支付,false,true,充值未到账,请提供订单号和截图\r\n"
                + ",en,public,Payments,false,true,Top-up missing,\"Send the order number,\nplease\"\r\n";

        String dry = mvc.perform(multipart("/console/knowledge/import").file(csv(good)).param("game", game.code())
                        .param("dryRun", "true").with(user(admin)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dry).contains("data-action=\"update\"", "data-action=\"create\"", "Dry run: nothing was changed yet");
        assertThat(knowledge.article(existing).draftBody()).isEqualTo("请提供订单号");
        assertThat(knowledge.articles(game.id())).hasSize(1);

        String bad = good + ",fr,everyone,,maybe,true,,\r\n";
        String refused = mvc.perform(multipart("/console/knowledge/import").file(csv(bad)).param("game", game.code())
                        .with(user(admin)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Nothing was imported: 1 rows need fixing", "line 4", "locale: This must be one of: zh-CN, en.",
                "announcement: This must be one of: true, false.", "audience:", "title:");
        assertThat(knowledge.articles(game.id())).hasSize(1);
        assertThat(knowledge.article(existing).draftBody()).isEqualTo("请提供订单号");

        mvc.perform(multipart("/console/knowledge/import").file(csv(good)).param("game", game.code())
                .with(user(admin)).with(csrf())).andExpect(status().isOk());
        assertThat(knowledge.article(existing).draftBody()).isEqualTo("请提供订单号和截图");
        assertThat(knowledge.article(existing).body()).isEqualTo("请提供订单号和截图");
        assertThat(knowledge.articles(game.id())).hasSize(2).anySatisfy(a -> assertThat(a.draftBody())
                .isEqualTo("Send the order number,\nplease"));
        assertThat(knowledge.categories(game.id())).extracting(Category::name).containsExactlyInAnyOrder("支付", "Payments");

        mvc.perform(multipart("/console/knowledge/import").file(new MockMultipartFile("file", "x.exe", null,
                        new byte[] {1, 2, 3})).param("game", game.code()).with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyAdministratorsExportAndImport() throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        StaffUser lead = new StaffUser(workspace.staff(StaffRole.SUPERVISOR, game), "");
        for (StaffUser who : new StaffUser[] {agent, lead}) {
            mvc.perform(get("/console/knowledge/export.csv").param("game", game.code()).with(user(who)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/console/knowledge/transfer").param("game", game.code()).with(user(who)))
                    .andExpect(status().isForbidden());
            mvc.perform(multipart("/console/knowledge/import").file(csv("title,body\r\nx,y\r\n"))
                    .param("game", game.code()).with(user(who)).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(knowledge.articles(game.id())).isEmpty();
    }

    @Test
    void markdownFrontMatterAndCsvAreReadAsWritten() {
        var row = ArticleFiles.markdownRow("a.md", "---\r\nid: \r\nTitle: A: B\r\nlocale: en\r\n---\r\nbody\r\n---\r\nmore\r\n");
        assertThat(row.id()).isEmpty();
        assertThat(row.title()).isEqualTo("A: B");
        assertThat(row.locale()).isEqualTo("en");
        assertThat(row.body()).isEqualTo("body\n---\nmore");
        assertThat(ArticleFiles.readCsv("title,BODY\r\na,\"b,\"\"c\"\"\"\r\n\r\n\"x\ny\",z"))
                .extracting(ArticleFiles.Row::source, ArticleFiles.Row::title, ArticleFiles.Row::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("line 2", "a", "b,\"c\""),
                        org.assertj.core.groups.Tuple.tuple("line 4", "x\ny", "z"));
    }

    @Test
    void aFileWhoseFrontMatterIsNeverClosedIsAllBody() {
        var row = ArticleFiles.markdownRow("a.md", "---\ntitle: x\nbody");

        assertThat(row.title()).isNull();
        assertThat(row.body()).isEqualTo("---\ntitle: x\nbody");
    }

    @Test
    void frontMatterValuesThatLookQuotedOrLikeABlockComeBackAsWritten() {
        var written = new ArticleFiles.Row("articles/en/x.md", "", "en", "public", "|", "false", "true",
                "\"Quoted\" title \\ end", "body");

        String file = ArticleFiles.markdown(written);
        var read = ArticleFiles.markdownRow("x.md", file);

        assertThat(file).contains("\ntitle: \"\\\"Quoted\\\" title \\\\ end\"\n");
        assertThat(read.title()).isEqualTo("\"Quoted\" title \\ end");
        assertThat(read.category()).isEqualTo("|");
        assertThat(read.body()).isEqualTo("body");
    }

    @Test
    void aCsvAsSpreadsheetsSloppilyWriteItIsReadAsTheOldReaderDid() {
        assertThat(ArticleFiles.readCsv("title,body\r\n\"a\"b,\"unclosed"))
                .extracting(ArticleFiles.Row::title, ArticleFiles.Row::body).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ab", "unclosed"));
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "articles.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static byte[] zipOf(Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

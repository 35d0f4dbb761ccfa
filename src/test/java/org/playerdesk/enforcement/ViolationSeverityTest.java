package org.playerdesk.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** A violation's severity starts its type's ladder at a later step, as each type says; the count can still go further. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ViolationSeverityTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Enforcement enforcement;
    @Autowired
    GameBackends backends;
    @Autowired
    MockMvc mvc;

    @Test
    void anOrganisedFarmingStudioIsBannedPermanentlyAtOnceAndAMinorCaseIsWarnedFirst() {
        GameInfo game = workspace.simulatedGame();
        StaffMember gm = workspace.staff(StaffRole.AGENT_L2, game);
        assertThat(enforcement.types(game.id())).filteredOn(t -> t.code().equals("currency_farming")).singleElement()
                .satisfies(t -> assertThat(t.starts()).isEqualTo(new ViolationTypeView.Starts(1, 1, 2)));

        ViolationView severe = enforcement.record(game.id(), "30001", "currency_farming", "severe", null, "工作室", gm);
        assertThat(severe.penalty()).isEqualTo(Penalty.PERMANENT_BAN);
        assertThat(severe.step()).isEqualTo(2);
        assertThat(severe.severity()).isEqualTo(Severity.SEVERE);
        assertThat(backends.of(game.id()).profile("30001").status()).isEqualTo(AccountStatus.BANNED);

        ViolationView minor = enforcement.record(game.id(), "30002", "currency_farming", "minor", null, null, gm);
        assertThat(minor.penalty()).isEqualTo(Penalty.WARNING);
        assertThat(enforcement.record(game.id(), "30003", "currency_farming", null, null, null, gm).severity())
                .isEqualTo(Severity.NORMAL);
        assertThat(enforcement.history(game.id(), "30001")).singleElement()
                .satisfies(v -> assertThat(v.severity()).isEqualTo(Severity.SEVERE));
    }

    @Test
    void theLaterOfTheCountAndTheSeverityWinsAndTheLadderEndCapsIt() {
        GameInfo game = workspace.simulatedGame();
        StaffMember gm = workspace.staff(StaffRole.SUPERVISOR, game);

        assertThat(enforcement.record(game.id(), "10006", "offensive_profile", "normal", null, null, gm).penalty())
                .isEqualTo(Penalty.WARNING);
        assertThat(enforcement.record(game.id(), "10006", "offensive_profile", "normal", null, null, gm).penalty())
                .isEqualTo(Penalty.BAN);
        // severe starts at step 2, but this is the third violation: the count's step 3 is later
        ViolationView third = enforcement.record(game.id(), "10006", "offensive_profile", "severe", null, null, gm);
        assertThat(third.step()).isEqualTo(3);
        assertThat(third.penalty()).isEqualTo(Penalty.PERMANENT_BAN);

        enforcement.define(game.id(), "chat_spam", "刷屏", "warning, ban 1", "", "1", "1", "9");
        ViolationView capped = enforcement.record(game.id(), "10004", "chat_spam", "severe", null, null, gm);
        assertThat(capped.step()).isEqualTo(2);
        assertThat(capped.days()).isEqualTo(1);
    }

    @Test
    void administratorsSetWhereEachSeverityStartsAndBadStepsAreRefused() {
        GameInfo game = workspace.simulatedGame();
        StaffMember gm = workspace.staff(StaffRole.AGENT_L2, game);

        ViolationTypeView spam = enforcement.define(game.id(), "chat_spam", "刷屏", "warning, ban 1, ban 30", "",
                "1", "2", "3");
        assertThat(spam.starts()).isEqualTo(new ViolationTypeView.Starts(1, 2, 3));
        // blank steps keep what the type has; the older form without them too
        assertThat(enforcement.define(game.id(), "chat_spam", "刷屏", "warning, ban 1, ban 30", "", "", "", "")
                .starts()).isEqualTo(new ViolationTypeView.Starts(1, 2, 3));
        assertThat(enforcement.define(game.id(), "chat_spam", "刷屏", "warning, ban 1, ban 30", "").starts())
                .isEqualTo(new ViolationTypeView.Starts(1, 2, 3));
        // the game's types as the pages read them (kept in memory) follow a change of a ladder at once
        assertThat(enforcement.types(game.id())).filteredOn(t -> t.code().equals("chat_spam")).singleElement()
                .isEqualTo(spam);
        ViolationTypeView shorter = enforcement.define(game.id(), "chat_spam", "刷屏", "warning, ban 1, ban 7", "");
        assertThat(enforcement.types(game.id())).filteredOn(t -> t.code().equals("chat_spam")).singleElement()
                .isEqualTo(shorter);
        assertThat(enforcement.define(game.id(), "chat_spam", "刷屏", "warning, ban 1, ban 30", "").starts())
                .isEqualTo(new ViolationTypeView.Starts(1, 2, 3));

        assertThat(enforcement.record(game.id(), "10004", "chat_spam", "minor", null, null, gm).penalty())
                .isEqualTo(Penalty.WARNING);
        assertThat(enforcement.record(game.id(), "10007", "chat_spam", "severe", null, null, gm).days()).isEqualTo(30);
        assertThat(enforcement.record(game.id(), "10009", "chat_spam", null, null, null, gm).days()).isEqualTo(1);

        assertThatThrownBy(() -> enforcement.define(game.id(), "chat_spam", "刷屏", "warning", "", "0", "x", "2"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("minorStart", "normalStart"));
        assertThatThrownBy(() -> enforcement.define(game.id(), "chat_spam", "刷屏", "warning", "", "3", "2", "1"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("normalStart", "severeStart"));
        assertThatThrownBy(() -> enforcement.record(game.id(), "10004", "chat_spam", "awful", null, null, gm))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("severity"));
        assertThat(enforcement.types(game.id())).filteredOn(t -> t.code().equals("chat_spam")).singleElement()
                .satisfies(t -> assertThat(t.starts()).isEqualTo(new ViolationTypeView.Starts(1, 2, 3)));
    }

    @Test
    void theGmDeskRecordsTheSeverityShowsItInTheHistoryAndEditsTheStarts() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L2, game), "");
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");

        mvc.perform(post("/console/gm/violations").param("game", game.id().toString()).param("account", "30004")
                .param("type", "currency_farming").param("severity", "severe").param("note", "工作室")
                .with(user(agent)).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "gm.notice.violation.permanent_ban"));
        mvc.perform(post("/console/gm/types").param("game", game.id().toString()).param("code", "advertising")
                .param("name", "私自发布广告").param("ladderPenalty", "warning", "ban", "permanent_ban", "").param("ladderDays", "", "7", "", "")
                .param("severeStart", "3")
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "gm.notice.typeSaved"));
        mvc.perform(post("/console/gm/types").param("game", game.id().toString()).param("code", "advertising")
                .param("name", "私自发布广告").param("ladderPenalty", "warning", "").param("ladderDays", "", "")
                .param("severeStart", "eleven")
                .with(user(admin)).with(csrf()).locale(Locale.ENGLISH)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", Matchers.containsString("Severe starts at step")));

        String zh = page(game, admin, Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).contains("data-severity=\"severe\"", "情况恶劣", "name=\"severity\"", "name=\"severeStart\"")
                .contains("起始处罚:轻微第 1 步,一般第 1 步,情况恶劣第 3 步");
        String en = page(game, admin, Locale.ENGLISH);
        assertThat(en).contains("data-severity=\"severe\"", ">severe<", "minor 1, normal 1, severe 3");
    }

    private String page(GameInfo game, StaffUser me, Locale locale) throws Exception {
        return mvc.perform(get("/console/gm").param("game", game.id().toString()).param("account", "30004")
                .locale(locale).with(user(me))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}

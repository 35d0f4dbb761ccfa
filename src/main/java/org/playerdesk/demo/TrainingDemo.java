package org.playerdesk.demo;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.Audience;
import org.playerdesk.knowledge.KnowledgeImport;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.training.TrainingSetup;
import org.playerdesk.workforce.Teams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's training, after the demo workspace: trainee (小陈，新员工), a first-line agent in the
 * team 新人培训组 led by the lead, marked as a new hire; two internal articles making the onboarding
 * course (for first-line agents and the team), the onboarding exam (bilingual questions, one short
 * answer) and the typing test (50 characters a minute), both gating the team's new hires, so the
 * gate page shows someone blocked. The other demo accounts are no new hires and work as before. Seeded once, under the same conditions
 * as the demo workspace.
 */
@Component
@Order(70)
class TrainingDemo implements ApplicationRunner {

    static final String TYPING_TEXT = "您好，很高兴为您服务。请提供您的角色名、区服和充值时间，我们马上为您查询充值记录。"
            + "如果问题暂时无法解决，我们会在工单中持续跟进，并第一时间通知您处理结果。感谢您的耐心等待，祝您游戏愉快！";

    static final String TEAM = "新人培训组";

    private static final Logger log = LoggerFactory.getLogger(TrainingDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final DemoPassword password;
    private final KnowledgeImport knowledge;
    private final TrainingSetup training;
    private final Teams teams;

    TrainingDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            KnowledgeImport knowledge, TrainingSetup training, Teams teams, DemoPassword password) {
        this.teams = teams;
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.password = password;
        this.knowledge = knowledge;
        this.training = training;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        GameInfo game = games.byCode(DemoWorkspace.GAME).orElse(null);
        if (!DemoWorkspace.wanted(properties, dataSource) || game == null
                || teams.all().stream().anyMatch(t -> t.name().equals(TEAM))) {
            return;
        }
        StaffMember lead = staff.byUsername("lead").orElse(null);
        StaffMember admin = staff.byUsername("admin").orElse(null);
        if (lead == null || admin == null) {
            return;
        }
        StaffMember trainee = staff.byUsername("trainee").orElseGet(() -> staff.enrol("trainee", "小陈（新员工）",
                password.get(), StaffRole.AGENT_L1, "zh-CN", Set.of(game.id())));
        // the onboarding exams are meant for this team's new hires, not every new hire of the installation
        Set<UUID> newcomers = Set.of(teams.define(null, TEAM, lead.id(), List.of(trainee.id()), admin).id());
        UUID procedure = knowledge.publish(game.id(), "zh-CN", "新人培训", Audience.INTERNAL, false,
                "新人必读：工单处理流程", """
                        1. 接单后先阅读玩家的全部描述和附件，确认问题类型。
                        2. 充值类问题先核实订单号与到账时间，再决定补单或提交退款申请。
                        3. 无法当场解决的问题，在工单中写明进展并设置跟进时间，不得让玩家重复描述。
                        4. 涉及封号、盗号的操作必须按内部核实步骤办理，并由二线复核。""", "demo");
        UUID manners = knowledge.publish(game.id(), "zh-CN", "新人培训", Audience.INTERNAL, false,
                "新人必读：沟通技巧与标准话术", """
                        开头：“您好，很高兴为您服务。”结尾：“感谢您的耐心等待，祝您游戏愉快！”
                        玩家情绪激动时先安抚、再询问，不争辩、不推诿；禁止使用服务忌语。
                        答应玩家的事情一定要及时做到，让玩家感受到我们的努力。""", "demo");
        Set<String> firstLine = Set.of(StaffRole.AGENT_L1.code());
        UUID course = training.course("新人入职培训 / Onboarding", "产品知识、服务流程与沟通技巧。",
                List.of(procedure, manners), firstLine, newcomers, false, lead);
        UUID exam = training.quiz("入职考试：服务规范", course, 4, 20, 80, true, Set.of(), newcomers, false, lead);
        training.question(exam, "single", "A player says a recharge has not arrived. What do you check first?",
                "玩家反映充值未到账，你首先核实什么？", List.of("The order number and payment time",
                        "The player's level", "The server's load"), List.of("订单号与支付时间", "玩家等级", "服务器负载"),
                "1", 2, lead);
        training.question(exam, "multiple", "Which are part of every reply?", "哪些是每次回复都应包含的？",
                List.of("A greeting", "A clear next step", "Blame on the developers"),
                List.of("问候语", "明确的下一步", "把责任推给研发"), "1,2", 2, lead);
        training.question(exam, "true_false", "A ban may be lifted by a first-line agent alone.",
                "一线客服可以独自解除封号。", List.of(), List.of(), "false", 1, lead);
        training.question(exam, "short", "A player is angry about a lost item. What do you do first, and why?",
                "玩家因道具丢失而非常愤怒，你首先做什么？为什么？", List.of(), List.of(), null, 3, lead);
        training.typingTest("打字测试 / Typing test", TYPING_TEXT, null, 5, 90, true, Set.of(), newcomers, false,
                lead);
        training.markNewHire(trainee.id(), lead);
        log.info("Demo data: the onboarding course and exams, and trainee kept from live work until they pass");
    }
}

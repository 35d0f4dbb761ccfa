package org.playerdesk.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestMail;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.Presence;
import org.playerdesk.department.DepartmentForm;
import org.playerdesk.department.DepartmentView;
import org.playerdesk.department.Departments;
import org.playerdesk.department.Transfers;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.IncidentDraft;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.notification.NotificationView;
import org.playerdesk.notification.Notifications;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.workforce.HandoverItem.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * Shift handover: the form pre-filled from the outgoing agent's real work, tickets and live chats
 * handed on as it is submitted, acknowledged item by item, released by a lead, the on-duty lead
 * alerted when the window passes, the shift log searched and emailed (GreenMail), and bad input
 * refused field by field in both languages with nothing changed. The outgoing agent works the early
 * shift (08:00-16:00), the incoming agent the middle one (16:00-24:00); it is 15:50 in Shanghai.
 */
@SpringBootTest
@Import({TestWorkspace.class, StoppedClock.AsTheClock.class})
class HandoversTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final GreenMail MAIL = TestMail.started();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        TestMail.use(properties, MAIL);
        properties.add("playerdesk.workforce.handover.mail-from", () -> "desk@playerdesk.test");
        properties.add("playerdesk.workforce.handover.public-url", () -> "https://desk.example.com/");
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Autowired
    Handovers handovers;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    StoppedClock clock;
    @Autowired
    Teams teams;
    @Autowired
    RoutingSetup routing;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    ChatSeats seats;
    @Autowired
    ChatDesk chats;
    @Autowired
    Incidents incidents;
    @Autowired
    Departments departments;
    @Autowired
    Transfers transfers;
    @Autowired
    Notifications notifications;
    @Autowired
    StaffDirectory staff;
    @Autowired
    AuditLog audit;
    @Autowired
    ErrorTexts texts;
    @Autowired
    RosterPlanning planning;
    @Autowired
    AgentPresence presence;

    /** Two shifts of one game and one team, at 15:50 on a day in Shanghai. */
    record Desk(GameInfo game, StaffMember outgoing, StaffMember incoming, StaffMember lead, StaffMember supervisor,
            StaffMember admin, StaffMember outsider) {
    }

    Desk desk() {
        GameInfo game = workspace.game();
        StaffMember outgoing = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember incoming = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember outsider = workspace.staff(StaffRole.AGENT_L1, game);
        teams.define(null, TestWorkspace.unique("早班组"), lead.id(), List.of(outgoing.id(), incoming.id()), admin);
        routing.changeSkills(outgoing.id(), "", "", 5, "Asia/Shanghai", "daily 08:00-16:00", "", supervisor);
        routing.changeSkills(incoming.id(), "", "", 5, "Asia/Shanghai", "daily 16:00-24:00", "", supervisor);
        ZonedDateTime now = clock.instant().atZone(SHANGHAI);
        ZonedDateTime at = now.toLocalDate().atTime(LocalTime.of(15, 50)).atZone(SHANGHAI);
        if (!at.isAfter(now)) {
            at = at.plusDays(1);
        }
        clock.moveTo(at.toInstant());
        return new Desk(game, outgoing, incoming, lead, supervisor, admin, outsider);
    }

    UUID heldTicket(Desk d, String account) {
        UUID id = workspace.ticket(d.game(), account, "consultation").ticket().id();
        desk.assign(id, d.outgoing().id(), Actor.SYSTEM);
        return id;
    }

    static HandoverItem item(HandoverView handover, Kind kind, UUID ref) {
        return handover.items().stream().filter(i -> i.kind() == kind && i.refId().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + ref + " in " + handover.items()));
    }

    static HandoverForm.ItemChoice keep(HandoverItem item) {
        return new HandoverForm.ItemChoice(item.id(), null, "keep", null);
    }

    List<String> kinds(UUID staffId, String prefix) {
        return notifications.recent(staffId, 50).stream().map(NotificationView::kind).filter(k -> k.startsWith(prefix))
                .toList();
    }

    @Test
    void theFormIsPreFilledFromRealWorkHandsTicketsAndChatsOnAndIsAcknowledgedItemByItem() throws Exception {
        Desk d = desk();
        UUID toIncoming = heldTicket(d, "20001");
        UUID toRouting = heldTicket(d, "20002");
        UUID chat = workspace.liveChat(d.game(), d.outgoing(), "充值没到账");
        seats.setPresence(d.incoming(), Presence.ONLINE, 3);
        DepartmentView finance = departments.create(new DepartmentForm(d.game().id(), "finance", "财务部", "members",
                null, null, null, "24", false, true, Set.of(d.lead().id())), d.admin());
        UUID question = transfers.ask(toIncoming, finance.id(), "这笔充值是否到账？", d.outgoing()).id();
        IncidentView incident = incidents.open(d.game().id(), new IncidentDraft("登录服务器故障", null, null, null,
                null), Actor.agent(d.lead().id(), d.lead().displayName()));
        notifications.chooseEmail(d.lead().id(), "lead@playerdesk.test", false);
        staff.preferLocale(d.incoming().id(), "en");
        notifications.chooseEmail(d.incoming().id(), "incoming@playerdesk.test", false);

        HandoverView draft = handovers.openDraft(d.outgoing());

        assertThat(draft.state()).isEqualTo(HandoverState.DRAFT);
        assertThat(draft.shiftEnd()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(draft.incoming()).extracting(HandoverView.Person::id).containsExactly(d.incoming().id());
        HandoverItem ticket = item(draft, Kind.TICKET, toIncoming);
        assertThat(ticket.label()).startsWith("#").contains("测试工单");
        assertThat(ticket.detail()).as("its status").isNotBlank();
        HandoverItem routed = item(draft, Kind.TICKET, toRouting);
        HandoverItem live = item(draft, Kind.CHAT, chat);
        assertThat(draft.items()).as("the chat's own ticket goes with the chat")
                .noneMatch(i -> i.refId().equals(chats.view(chat).ticketId()));
        assertThat(item(draft, Kind.QUESTION, question).label()).contains("财务部");
        assertThat(item(draft, Kind.INCIDENT, incident.id()).label()).isEqualTo("登录服务器故障");
        assertThat(handovers.waitingFor(d.outgoing().id())).as("a draft keeps nobody").isFalse();

        List<HandoverForm.ItemChoice> choices = new ArrayList<>();
        for (HandoverItem i : draft.items()) {
            if (i.id().equals(ticket.id())) {
                choices.add(new HandoverForm.ItemChoice(i.id(), "玩家在等补发，16:30 前回复", "assign", d.incoming().id()));
            } else if (i.id().equals(routed.id())) {
                choices.add(new HandoverForm.ItemChoice(i.id(), null, "routing", null));
            } else if (i.id().equals(live.id())) {
                choices.add(new HandoverForm.ItemChoice(i.id(), "玩家情绪激动", "assign", d.incoming().id()));
            } else {
                choices.add(keep(i));
            }
        }
        HandoverView submitted = handovers.submit(draft.id(), new HandoverForm("服务器 17:00 可能重启，请提前发公告",
                "注意充值类投诉", List.of(d.incoming().id()), choices), d.outgoing());

        assertThat(submitted.state()).isEqualTo(HandoverState.SUBMITTED);
        assertThat(submitted.dueAt()).isEqualTo(submitted.shiftEnd().plus(Duration.ofMinutes(15)));
        assertThat(tickets.head(toIncoming).assigneeId()).isEqualTo(d.incoming().id());
        assertThat(tickets.head(toRouting).assigneeId()).as("given back to routing").isNotEqualTo(d.outgoing().id());
        assertThat(chats.view(chat).agentId()).isEqualTo(d.incoming().id());
        assertThat(handovers.waitingFor(d.outgoing().id())).isTrue();
        assertThatThrownBy(() -> handovers.requireFreeToLeave(d.outgoing().id()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo(Handovers.WAITING));
        assertThat(kinds(d.incoming().id(), "handover.submitted")).hasSize(1);

        assertThat(handovers.addressedTo(d.incoming().id())).extracting(HandoverView::id).containsExactly(draft.id());
        assertThat(handovers.awaitingLedBy(d.lead())).extracting(HandoverView::id).contains(draft.id());
        List<HandoverItem> items = submitted.items();
        for (HandoverItem i : items.subList(0, items.size() - 1)) {
            assertThat(handovers.acknowledge(draft.id(), i.id(), d.incoming()).state())
                    .isEqualTo(HandoverState.SUBMITTED);
        }
        HandoverView acknowledged = handovers.acknowledge(draft.id(), items.getLast().id(), d.incoming());

        assertThat(acknowledged.state()).isEqualTo(HandoverState.ACKNOWLEDGED);
        assertThat(acknowledged.items()).allSatisfy(i -> assertThat(i.acknowledgedBy()).isEqualTo(d.incoming().id()));
        assertThat(handovers.waitingFor(d.outgoing().id())).isFalse();
        assertThat(kinds(d.lead().id(), "handover.log")).hasSize(1);
        assertThat(kinds(d.supervisor().id(), "handover.log")).as("the supervisor is copied").hasSize(1);
        assertThat(kinds(d.incoming().id(), "handover.log")).hasSize(1);
        assertThat(kinds(d.outgoing().id(), "handover.settled")).hasSize(1);
        assertThatThrownBy(() -> handovers.acknowledgeAll(draft.id(), d.incoming())).isInstanceOf(RuleViolation.class);

        // the shift log by email, to those who gave an address, each in their language, once
        await().atMost(Duration.ofSeconds(20)).until(() -> MAIL.getReceivedMessagesForDomain("playerdesk.test").length >= 2);
        MimeMessage toLead = Arrays.stream(MAIL.getReceivedMessagesForDomain("playerdesk.test"))
                .filter(m -> recipient(m).equals("lead@playerdesk.test")).findFirst().orElseThrow();
        assertThat(toLead.getSubject()).startsWith("交接班日志").contains(d.outgoing().displayName());
        String body = GreenMailUtil.getBody(toLead);
        assertThat(GreenMailUtil.getWholeMessage(toLead)).contains("desk@playerdesk.test");
        MimeMessage toIncomingMail = Arrays.stream(MAIL.getReceivedMessagesForDomain("playerdesk.test"))
                .filter(m -> recipient(m).equals("incoming@playerdesk.test")).findFirst().orElseThrow();
        assertThat(toIncomingMail.getSubject()).startsWith("Shift log");
        assertThat(body).isNotBlank();
        String decoded = decoded(toLead);
        assertThat(decoded).contains("服务器 17:00 可能重启", "玩家在等补发", "https://desk.example.com/console/handover/"
                + draft.id());
    }

    @Test
    void aLeadReleasesTheOutgoingAgentAndOnlyThoseConcernedMayActOrRead() {
        Desk d = desk();
        HandoverView draft = handovers.openDraft(d.outgoing());
        handovers.submit(draft.id(), new HandoverForm(null, null, List.of(d.incoming().id()), List.of()), d.outgoing());
        assertThat(handovers.waitingFor(d.outgoing().id())).isTrue();
        assertThatThrownBy(() -> handovers.openDraft(d.outgoing())).isInstanceOf(RuleViolation.class);

        assertThatThrownBy(() -> handovers.release(draft.id(), null, d.incoming()))
                .as("a team member is no lead").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> handovers.release(draft.id(), null, d.outgoing()))
                .as("nobody releases themselves").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> handovers.acknowledgeAll(draft.id(), d.outsider()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> handovers.get(draft.id(), d.outsider())).isInstanceOf(NotFoundException.class);
        assertThat(handovers.get(draft.id(), d.lead()).id()).isEqualTo(draft.id());
        assertThatThrownBy(() -> handovers.release(draft.id(), "x".repeat(Handovers.REASON_MAX + 1), d.lead()))
                .isInstanceOf(InvalidInput.class);
        assertThat(handovers.waitingFor(d.outgoing().id())).as("a refused release changes nothing").isTrue();

        HandoverView released = handovers.release(draft.id(), "接班人临时请假，已安排他人", d.lead());

        assertThat(released.state()).isEqualTo(HandoverState.RELEASED);
        assertThat(released.releasedByName()).isEqualTo(d.lead().displayName());
        assertThat(handovers.waitingFor(d.outgoing().id())).isFalse();
        assertThat(audit.about("handover", draft.id().toString(), 5)).extracting(AuditLog.Entry::action)
                .containsExactly("handover.release");
        assertThat(kinds(d.incoming().id(), "handover.log")).hasSize(1);
        assertThatThrownBy(() -> handovers.release(draft.id(), null, d.supervisor()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("handover.settled"));
        assertThatThrownBy(() -> handovers.acknowledgeAll(draft.id(), d.incoming())).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aHandoverNotAcknowledgedInTheWindowAlertsTheOnDutyLeadOnce() {
        Desk d = desk();
        UUID held = heldTicket(d, "20003");
        HandoverView draft = handovers.openDraft(d.outgoing());
        handovers.submit(draft.id(), new HandoverForm(null, null, List.of(d.incoming().id()),
                List.of(keep(item(draft, Kind.TICKET, held)))), d.outgoing());

        clock.shift(Duration.ofMinutes(20)); // 16:10: the incoming shift began ten minutes ago
        handovers.alertOverdue();
        assertThat(handovers.get(draft.id(), d.lead()).state()).isEqualTo(HandoverState.SUBMITTED);
        assertThat(kinds(d.lead().id(), "handover.overdue")).isEmpty();

        clock.shift(Duration.ofMinutes(6)); // 16:16: past the window
        handovers.alertOverdue();
        handovers.alertOverdue();

        HandoverView overdue = handovers.get(draft.id(), d.lead());
        assertThat(overdue.state()).isEqualTo(HandoverState.OVERDUE);
        assertThat(overdue.overdueAt()).isNotNull();
        assertThat(kinds(d.lead().id(), "handover.overdue")).as("the team's lead is on duty").hasSize(1);
        assertThat(kinds(d.supervisor().id(), "handover.overdue")).isEmpty();
        assertThat(handovers.waitingFor(d.outgoing().id())).isTrue();

        assertThat(handovers.acknowledgeAll(draft.id(), d.incoming()).state()).isEqualTo(HandoverState.ACKNOWLEDGED);
        assertThat(handovers.waitingFor(d.outgoing().id())).isFalse();
    }

    @Test
    void theShiftLogIsSearchedByThoseWhoMayReadIt() {
        Desk d = desk();
        String word = TestWorkspace.unique("活动补偿");
        HandoverView draft = handovers.openDraft(d.outgoing());
        handovers.submit(draft.id(), new HandoverForm(null, "今晚 " + word + " 需要跟进", List.of(d.incoming().id()),
                List.of()), d.outgoing());
        handovers.acknowledgeAll(draft.id(), d.incoming());

        assertThat(handovers.search(word, d.lead())).extracting(HandoverView::id).containsExactly(draft.id());
        assertThat(handovers.search(word.toUpperCase(Locale.ROOT), d.incoming())).extracting(HandoverView::id)
                .containsExactly(draft.id());
        assertThat(handovers.search(word, d.outgoing())).extracting(HandoverView::id).containsExactly(draft.id());
        assertThat(handovers.search(word, d.supervisor())).extracting(HandoverView::id).containsExactly(draft.id());
        assertThat(handovers.search(word, d.outsider())).isEmpty();
        assertThat(handovers.search("%", d.lead())).extracting(HandoverView::id).doesNotContain(draft.id());
        assertThat(handovers.search("", d.outgoing())).extracting(HandoverView::id).contains(draft.id());
    }

    @Test
    void badInputIsRefusedFieldByFieldInBothLanguagesAndChangesNothing() {
        Desk d = desk();
        UUID held = heldTicket(d, "20004");
        UUID chat = workspace.liveChat(d.game(), d.outgoing(), "在吗");
        HandoverView draft = handovers.openDraft(d.outgoing());
        HandoverItem ticket = item(draft, Kind.TICKET, held);
        HandoverItem live = item(draft, Kind.CHAT, chat);
        List<HandoverForm.ItemChoice> choices = new ArrayList<>();
        for (HandoverItem i : draft.items()) {
            if (i.id().equals(ticket.id())) {
                choices.add(new HandoverForm.ItemChoice(i.id(), "长".repeat(HandoverForm.ITEM_NOTE_MAX + 1), "assign",
                        UUID.randomUUID()));
            } else if (i.id().equals(live.id())) {
                choices.add(new HandoverForm.ItemChoice(i.id(), null, "routing", null));
            } else {
                choices.add(keep(i));
            }
        }
        int t = draft.items().indexOf(ticket);
        int c = draft.items().indexOf(live);
        HandoverForm bad = new HandoverForm(null, "注".repeat(HandoverForm.NOTES_MAX + 1), List.of(UUID.randomUUID()),
                choices);

        assertThatThrownBy(() -> handovers.submit(draft.id(), bad, d.outgoing()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactlyInAnyOrder("notes",
                            "incoming", "items[" + t + "].note", "items[" + t + "].target",
                            "items[" + c + "].disposition");
                    InvalidInput.FieldError notes = e.errors().stream().filter(x -> x.field().equals("notes"))
                            .findFirst().orElseThrow();
                    assertThat(texts.text(notes, Locale.SIMPLIFIED_CHINESE)).contains("最多", "4,000");
                    assertThat(texts.text(notes, Locale.ENGLISH)).contains("at most 4,000");
                    InvalidInput.FieldError target = e.errors().stream()
                            .filter(x -> x.field().endsWith(".target")).findFirst().orElseThrow();
                    assertThat(texts.text(target, Locale.SIMPLIFIED_CHINESE)).contains("客服");
                    assertThat(texts.text(target, Locale.ENGLISH)).contains("serve this game");
                    InvalidInput.FieldError routed = e.errors().stream()
                            .filter(x -> x.field().endsWith(".disposition")).findFirst().orElseThrow();
                    assertThat(texts.text(routed, Locale.SIMPLIFIED_CHINESE)).contains("自动分配");
                    assertThat(texts.text(routed, Locale.ENGLISH)).contains("routing");
                });

        HandoverView after = handovers.draftOf(d.outgoing().id()).orElseThrow();
        assertThat(after.state()).isEqualTo(HandoverState.DRAFT);
        assertThat(after.notes()).isNull();
        assertThat(after.incoming()).extracting(HandoverView.Person::id).containsExactly(d.incoming().id());
        assertThat(tickets.head(held).assigneeId()).isEqualTo(d.outgoing().id());
        assertThat(handovers.waitingFor(d.outgoing().id())).isFalse();
        assertThatThrownBy(() -> handovers.save(draft.id(), bad, d.incoming()))
                .as("someone else's draft").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> handovers.openDraft(workspace.staff(StaffRole.QA, d.game())))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decoded(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof String text ? text : GreenMailUtil.getBody(message);
    }

    @Test
    void theWorkforceRosterDecidesTheShiftItsIncomingAgentsAndTheOnDutyLeadAndTheOutgoingAgentStaysAtTheDesk() {
        Desk d = desk();
        StaffMember early = workspace.staff(StaffRole.AGENT_L1, d.game());
        StaffMember middle = workspace.staff(StaffRole.AGENT_L1, d.game());
        StaffMember onDuty = workspace.staff(StaffRole.AGENT_L2, d.game());
        teams.define(null, TestWorkspace.unique("轮班组"), null, List.of(early.id(), middle.id()), d.admin());
        // the weekly shifts here say the opposite; the roster wins for agents on a pattern
        routing.changeSkills(early.id(), "", "", 5, "Asia/Shanghai", "daily 16:00-24:00", "", d.supervisor());
        ShiftView earlyShift = planning.defineShift(null, TestWorkspace.unique("早班"), "08:00", "16:00", d.supervisor());
        ShiftView middleShift = planning.defineShift(null, TestWorkspace.unique("中班"), "16:00", "24:00",
                d.supervisor());
        PatternView earlies = planning.definePattern(null, TestWorkspace.unique("天天早"), false,
                List.of(earlyShift.id().toString()), d.supervisor());
        PatternView middles = planning.definePattern(null, TestWorkspace.unique("天天中"), false,
                List.of(middleShift.id().toString()), d.supervisor());
        String today = clock.instant().atZone(SHANGHAI).toLocalDate().toString();
        String weekAgo = clock.instant().atZone(SHANGHAI).toLocalDate().minusDays(7).toString();
        planning.assign(early.id(), null, earlies.id(), weekAgo, "", "Asia/Shanghai", d.supervisor());
        planning.assign(middle.id(), null, middles.id(), weekAgo, "", "Asia/Shanghai", d.supervisor());
        planning.setDutyLead(earlyShift.id(), today, onDuty.id(), d.supervisor());
        presence.choose(early, PresenceState.AVAILABLE);

        HandoverView draft = handovers.openDraft(early);

        assertThat(draft.shiftEnd()).as("the rostered early shift ends at 16:00, ten minutes from now")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(draft.incoming()).extracting(HandoverView.Person::id).containsExactly(middle.id());
        handovers.submit(draft.id(), new HandoverForm(null, "留意充值问题", List.of(middle.id()), List.of()), early);
        assertThatThrownBy(() -> presence.choose(early, PresenceState.ON_BREAK))
                .as("接班人未到岗，交班人不得离台").isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo(Handovers.WAITING));
        assertThat(presence.state(early.id()).state()).isEqualTo(PresenceState.AVAILABLE);

        clock.shift(Duration.ofMinutes(40));
        handovers.alertOverdue();
        assertThat(kinds(onDuty.id(), "handover.overdue")).as("the on-duty lead named for the early shift")
                .hasSize(1);

        handovers.acknowledgeAll(draft.id(), middle);
        assertThat(presence.choose(early, PresenceState.OFFLINE).state()).isEqualTo(PresenceState.OFFLINE);
    }
}

package org.playerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.SavedView;
import org.playerdesk.ticket.SavedViewDraft;
import org.playerdesk.ticket.SavedViews;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Saved inbox views: who sees them, who may change them, what they count. */
@SpringBootTest
@Import(TestWorkspace.class)
class SavedViewsTest {

    @Autowired
    SavedViews views;
    @Autowired
    InboxTabs tabs;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries queries;
    @Autowired
    PlayerDirectory players;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ErrorTexts errorTexts;

    static SavedViewDraft draft(String name, String audience, String view, String type) {
        return new SavedViewDraft(name, audience, view, null, type, null, null, null, null, null, null);
    }

    static List<String> names(List<SavedView> shown) {
        return shown.stream().map(SavedView::name).toList();
    }

    @Test
    void aPersonalViewIsSeenAndChangedByItsAuthorAlone() {
        GameInfo game = workspace.game();
        StaffMember author = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);

        SavedView bugs = views.save(draft("  My bugs ", "personal", "mine", "bug"), author);

        assertThat(bugs.name()).isEqualTo("My bugs");
        assertThat(bugs.shared()).isFalse();
        assertThat(names(views.shownTo(author))).containsExactly("My bugs");
        assertThat(names(views.shownTo(colleague))).isEmpty();
        assertThat(names(views.shownTo(admin))).doesNotContain("My bugs");
        assertThat(views.find(bugs.id(), colleague)).isEmpty();
        assertThatThrownBy(() -> views.rename(bugs.id(), "Mine now", colleague)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> views.delete(bugs.id(), admin)).isInstanceOf(NotFoundException.class);

        assertThat(views.rename(bugs.id(), "Bugs of mine", author).name()).isEqualTo("Bugs of mine");
        views.delete(bugs.id(), author);
        assertThat(views.shownTo(author)).isEmpty();
    }

    @Test
    void aSharedViewIsSeenByEveryoneWhoServesItsGames() {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffMember author = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L2, game, other);
        StaffMember stranger = workspace.staff(StaffRole.AGENT_L1, other);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);

        SavedView waiting = views.save(draft("Waiting", "shared", "unassigned", null), author);
        SavedView ofOther = views.save(new SavedViewDraft("Other game", "shared", "all", other.id().toString(), null,
                null, null, null, null, null, null), colleague);

        assertThat(waiting.gameIds()).containsExactly(game.id());
        assertThat(ofOther.gameIds()).containsExactly(other.id());
        assertThat(names(views.shownTo(colleague))).containsExactly("Other game", "Waiting");
        assertThat(names(views.shownTo(stranger))).containsExactly("Other game");
        assertThat(names(views.shownTo(admin))).contains("Waiting", "Other game");
        assertThat(views.find(waiting.id(), stranger)).isEmpty();

        // an administrator's view without a game is everyone's
        SavedView everyone = views.save(draft("Everyone " + UUID.randomUUID(), "shared", "all", null), admin);
        assertThat(everyone.gameIds()).isEmpty();
        assertThat(names(views.shownTo(stranger))).contains(everyone.name());
        views.delete(everyone.id(), admin); // everyone's: the other tests would see it
    }

    @Test
    void aSharedViewIsChangedOnlyByItsAuthorOrAnAdministrator() {
        GameInfo game = workspace.game();
        StaffMember author = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember colleague = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        SavedView shared = views.save(draft("Urgent", "shared", "all", null), author);

        for (Runnable change : List.<Runnable>of(() -> views.rename(shared.id(), "Mine", colleague),
                () -> views.move(shared.id(), -1, colleague), () -> views.delete(shared.id(), colleague),
                () -> views.move(shared.id(), 1, admin))) {
            assertThatThrownBy(change::run).isInstanceOfSatisfying(RuleViolation.class,
                    refused -> assertThat(refused.code()).isEqualTo("savedView.notAuthor"));
        }
        assertThat(names(views.shownTo(colleague))).containsExactly("Urgent");

        assertThat(views.rename(shared.id(), "Urgent ones", admin).name()).isEqualTo("Urgent ones");
        views.delete(shared.id(), admin);
        assertThat(views.shownTo(author)).isEmpty();
        assertThat(views.shownTo(colleague)).isEmpty();
    }

    @Test
    void anAuthorOrdersTheirViews() {
        StaffMember author = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        SavedView first = views.save(draft("First", null, "mine", null), author);
        views.save(draft("Second", null, "mine", null), author);
        SavedView third = views.save(draft("Third", null, "mine", null), author);

        views.move(third.id(), -1, author);
        assertThat(names(views.shownTo(author))).containsExactly("First", "Third", "Second");
        views.move(first.id(), -1, author);
        assertThat(names(views.shownTo(author))).containsExactly("First", "Third", "Second");
        views.move(first.id(), 1, author);
        assertThat(names(views.shownTo(author))).containsExactly("Third", "First", "Second");
    }

    @Test
    void aViewsFiltersAreCheckedLikeTheInboxsInBothLanguages() {
        GameInfo game = workspace.game();
        GameInfo notServed = workspace.game();
        StaffMember author = workspace.staff(StaffRole.AGENT_L1, game);
        SavedViewDraft wrong = new SavedViewDraft(" ", "everybody", "theirs", notServed.id().toString(), "nonsense",
                "lost", "whenever", "pigeon", "not-an-id", "x".repeat(201), "sideways");

        assertThatThrownBy(() -> views.save(wrong, author)).isInstanceOfSatisfying(InvalidInput.class, invalid -> {
            assertThat(invalid.errors()).extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::key)
                    .containsExactly(Tuple.tuple("name", "invalid.blank"),
                            Tuple.tuple("audience", "invalid.unknownCode"),
                            Tuple.tuple("view", "invalid.unknownCode"),
                            Tuple.tuple("game", "invalid.game"),
                            Tuple.tuple("type", "invalid.unknownCode"),
                            Tuple.tuple("status", "invalid.unknownCode"),
                            Tuple.tuple("priority", "invalid.unknownCode"),
                            Tuple.tuple("channel", "invalid.unknownCode"),
                            Tuple.tuple("assignee", "invalid.staff.any"),
                            Tuple.tuple("words", "invalid.tooLong"),
                            Tuple.tuple("sort", "invalid.unknownCode"));
            List<String> english = errorTexts.fieldTexts(invalid, "inbox.views.field.", Locale.ENGLISH).stream()
                    .map(ErrorTexts.FieldText::message).toList();
            List<String> chinese = errorTexts.fieldTexts(invalid, "inbox.views.field.", Locale.SIMPLIFIED_CHINESE)
                    .stream().map(ErrorTexts.FieldText::message).toList();
            assertThat(english.getFirst()).isEqualTo("Name: Please write something.");
            assertThat(english).contains("Game: Please choose a game you serve.");
            assertThat(chinese.getFirst()).startsWith("名称").doesNotContainPattern("[A-Za-z]{3,}");
            assertThat(chinese).noneMatch(text -> text.startsWith("name") || text.startsWith("game"));
        });
        assertThat(views.shownTo(author)).isEmpty();

        SavedViewDraft twoLines = draft("Two\nlines", null, "mine", null);
        assertThatThrownBy(() -> views.save(twoLines, author)).isInstanceOfSatisfying(InvalidInput.class,
                invalid -> assertThat(invalid.errors()).extracting(InvalidInput.FieldError::key)
                        .containsExactly("invalid.control"));
        assertThatThrownBy(() -> views.rename(views.save(draft("Fine", null, "mine", null), author).id(), "",
                author)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aPersonKeepsABoundedNumberOfViews() {
        StaffMember author = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        for (int i = 0; i < SavedViews.PER_PERSON_MAX; i++) {
            views.save(draft("View " + i, null, "mine", null), author);
        }
        assertThatThrownBy(() -> views.save(draft("One too many", null, "mine", null), author))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("savedView.tooMany"));
    }

    @Test
    void eachTabCountsTheTicketsOfItsViewForItsReader() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1, game);
        Actor actor = Actor.agent(agent.id(), agent.displayName());
        UUID mineBug = workspace.ticket(game, "c1", "bug").ticket().id();
        workspace.ticket(game, "c2", "bug");
        workspace.ticket(game, "c3", "payment");
        UUID resolved = workspace.ticket(game, "c4", "bug").ticket().id();
        desk.assign(mineBug, agent.id(), actor);
        desk.assign(resolved, agent.id(), actor);
        desk.changeStatus(resolved, TicketStatus.RESOLVED, actor);

        StaffUser me = new StaffUser(agent, "");
        assertThat(tabs.builtInCounts(me)).containsExactly(Map.entry("mine", "1"),
                Map.entry("unassigned", "2"), Map.entry("all", "4"));
        // a count stops at its cap: beyond it the tab says so
        InboxTabs capped = new InboxTabs(views, queries, players, staff, 2);
        assertThat(capped.builtInCounts(me)).containsExactly(Map.entry("mine", "1"),
                Map.entry("unassigned", "2"), Map.entry("all", "2+"));

        SavedView bugs = views.save(draft("All bugs", "shared", "all", "bug"), agent);
        SavedView myBugs = views.save(draft("My bugs", "shared", "mine", "bug"), agent);
        SavedView resolvedBugs = views.save(new SavedViewDraft("Resolved", null, "all", null, "bug", "resolved", null,
                null, null, null, "newest"), agent);
        SavedView byAccount = views.save(new SavedViewDraft("Player c3", null, "all", null, null, null, null, null,
                null, "c3", null), agent);

        List<InboxTabs.SavedTab> mine = tabs.saved(me, myBugs);
        assertThat(mine).extracting(tab -> tab.view().name(), InboxTabs.SavedTab::count, InboxTabs.SavedTab::current)
                .containsExactly(Tuple.tuple("All bugs", "3", false),
                        Tuple.tuple("My bugs", "1", true),
                        Tuple.tuple("Resolved", "1", false),
                        Tuple.tuple("Player c3", "1", false));
        assertThat(mine).allMatch(tab -> tab.own() && tab.mayRename() && tab.author() == null);

        // "mine" in a shared view is each reader's own: the colleague holds no bug
        List<InboxTabs.SavedTab> theirs = tabs.saved(new StaffUser(colleague, ""), null);
        assertThat(theirs).extracting(tab -> tab.view().name(), InboxTabs.SavedTab::count)
                .containsExactly(Tuple.tuple("All bugs", "3"),
                        Tuple.tuple("My bugs", "0"));
        assertThat(theirs).allMatch(tab -> !tab.own() && !tab.mayRename() && agent.displayName().equals(tab.author()));
        assertThat(bugs.id()).isNotEqualTo(resolvedBugs.id()).isNotEqualTo(byAccount.id());
    }
}

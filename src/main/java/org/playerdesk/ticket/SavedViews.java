package org.playerdesk.ticket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.ticket.internal.InboxView;
import org.playerdesk.ticket.internal.InboxViewRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inbox views saved under a name. Each member of staff keeps their own in the order they choose;
 * a shared view is seen by everyone who serves one of its games. Only its author changes a view,
 * except that an administrator may also rename or delete a view someone shared.
 */
@Service
@Transactional
public class SavedViews {

    public static final int NAME_MAX = 60;
    public static final int WORDS_MAX = 200;
    /** Each view shown costs one count on every inbox page, so a person keeps a bounded number. */
    public static final int PER_PERSON_MAX = 30;
    /** The built-in views a saved view narrows, as the inbox names them. */
    public static final List<String> VIEWS = List.of("mine", "unassigned", "all");
    /** The inbox's orders, as the inbox names them. */
    public static final List<String> SORTS = Arrays.stream(TicketFilter.Order.values())
            .map(order -> order.name().toLowerCase()).toList();

    private final InboxViewRepository views;
    private final StaffDirectory staff;
    private final InputValidation validation;
    private final Clock clock;

    SavedViews(InboxViewRepository views, StaffDirectory staff, InputValidation validation, Clock clock) {
        this.views = views;
        this.staff = staff;
        this.validation = validation;
        this.clock = clock;
    }

    /**
     * The views this member of staff sees: their own in their order, then the views others shared
     * in one of the reader's games, by name.
     */
    @Transactional(readOnly = true)
    public List<SavedView> shownTo(StaffMember reader) {
        List<SavedView> shown = new ArrayList<>(views.ownedBy(reader.id()).stream().map(InboxView::view).toList());
        views.sharedByOthers(SavedView.Audience.SHARED, reader.id()).stream().map(InboxView::view)
                .filter(view -> seesShared(reader, view)).forEach(shown::add);
        return shown;
    }

    /** The view if this member of staff may see it. */
    @Transactional(readOnly = true)
    public Optional<SavedView> find(UUID id, StaffMember reader) {
        return views.findById(id).map(InboxView::view).filter(view -> sees(reader, view));
    }

    /** Saves the inbox as it is under a name, last in the author's order. */
    public SavedView save(SavedViewDraft draft, StaffMember author) {
        SavedViewDraft tidy = draft.tidied();
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(tidy));
        SavedView.Audience audience = Codes.read("audience", tidy.audience(), SavedView.Audience.class,
                SavedView.Audience.PERSONAL, errors);
        String view = Codes.read("view", tidy.view(), VIEWS, "mine", errors);
        UUID gameId = id("game", tidy.game(), "invalid.game", errors);
        if (gameId != null && !author.serves(gameId)) {
            errors.add(new InvalidInput.FieldError("game", "invalid.game"));
        }
        String type = code("type", tidy.type(), TicketType.class, errors);
        String status = code("status", tidy.status(), TicketStatus.class, errors);
        String priority = code("priority", tidy.priority(), TicketPriority.class, errors);
        String channel = code("channel", tidy.channel(), TicketChannel.class, errors);
        UUID assigneeId = id("assignee", tidy.assignee(), "invalid.staff.any", errors);
        if (assigneeId != null && !staff.byIds(Set.of(assigneeId)).containsKey(assigneeId)) {
            errors.add(new InvalidInput.FieldError("assignee", "invalid.staff.any"));
        }
        String sort = Codes.read("sort", tidy.sort(), SORTS, "oldest", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(SavedViewDraft.class, errors));
        }
        if (views.countByOwnerId(author.id()) >= PER_PERSON_MAX) {
            throw new RuleViolation("savedView.tooMany", "too many saved views", PER_PERSON_MAX);
        }
        Set<UUID> games = audience != SavedView.Audience.SHARED ? Set.of()
                : gameId != null ? Set.of(gameId)
                : author.role().seesAllGames() ? Set.of() : author.gameIds();
        InboxView saved = views.save(new InboxView(author.id(), tidy.name(), audience,
                views.lastPosition(author.id()) + 1, view, gameId, type, status, priority, channel, assigneeId,
                tidy.words(), sort, games, clock.instant()));
        return saved.view();
    }

    public SavedView rename(UUID id, String name, StaffMember by) {
        InboxView view = changeable(id, by, true);
        SavedViewDraft tidy = new SavedViewDraft(name, null, null, null, null, null, null, null, null, null, null)
                .tidied();
        List<InvalidInput.FieldError> errors = validation.errors(tidy);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        view.rename(tidy.name());
        return view.view();
    }

    /** Moves one of the author's own views a place earlier ({@code -1}) or later ({@code 1}) in their order. */
    public void move(UUID id, int by, StaffMember author) {
        changeable(id, author, false);
        List<InboxView> own = new ArrayList<>(views.ownedBy(author.id()));
        int from = indexOf(own, id);
        int to = from + Integer.signum(by);
        if (to < 0 || to >= own.size()) {
            return;
        }
        // positions may repeat after saves at the same moment: number them first, then swap the two
        renumber(own);
        own.get(from).swapPlaces(own.get(to));
    }

    public void delete(UUID id, StaffMember by) {
        views.delete(changeable(id, by, true));
    }

    /**
     * The view, when {@code by} may change it: its author always; an administrator also a shared
     * view of someone else when {@code adminMay}. A view {@code by} cannot see does not exist for them.
     */
    private InboxView changeable(UUID id, StaffMember by, boolean adminMay) {
        InboxView view = views.findById(id).filter(v -> sees(by, v.view()))
                .orElseThrow(() -> new NotFoundException("savedView", id));
        SavedView seen = view.view();
        if (!seen.ownedBy(by.id()) && !(adminMay && by.role() == StaffRole.ADMIN)) {
            throw new RuleViolation("savedView.notAuthor", "only the author may change this view");
        }
        return view;
    }

    private static boolean sees(StaffMember reader, SavedView view) {
        return view.ownedBy(reader.id()) || view.shared() && seesShared(reader, view);
    }

    private static boolean seesShared(StaffMember reader, SavedView view) {
        return reader.role().seesAllGames() || view.gameIds().isEmpty()
                || view.gameIds().stream().anyMatch(reader.gameIds()::contains);
    }

    private static void renumber(List<InboxView> own) {
        for (int i = 0; i < own.size(); i++) {
            own.get(i).placeAt(i + 1);
        }
    }

    private static int indexOf(List<InboxView> own, UUID id) {
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i).getId().equals(id)) {
                return i;
            }
        }
        throw new NotFoundException("savedView", id);
    }

    private static <E extends Enum<E> & Coded> String code(String field, String value, Class<E> type,
            List<InvalidInput.FieldError> errors) {
        if (value == null) {
            return null;
        }
        E found = Codes.read(field, value, type, null, errors);
        return found == null ? null : found.code();
    }

    private static UUID id(String field, String value, String key, List<InvalidInput.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInput.FieldError(field, key));
            return null;
        }
    }
}

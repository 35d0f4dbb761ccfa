package org.playerdesk.playbook.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.playerdesk.playbook.PlaybookView;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.ticket.TicketType;

@Entity
@EntityListeners(ReferenceData.Changes.class)
@Table(name = "playbook")
public class Playbook extends StoredEntity {

    private UUID gameId;
    private String code;
    @Convert(converter = Converters.Type.class)
    private TicketType ticketType;
    private String title;
    private String notice;
    private Instant updatedAt;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "playbook_id", nullable = false)
    @OrderBy("position")
    private List<PlaybookStep> steps = new ArrayList<>();

    protected Playbook() {
    }

    public Playbook(UUID gameId, String code, TicketType ticketType, String title, String notice, Instant now) {
        this.gameId = gameId;
        this.code = code;
        this.ticketType = ticketType;
        this.title = title;
        this.notice = notice;
        this.updatedAt = now;
    }

    public void describe(TicketType ticketType, String title, String notice, Instant now) {
        this.ticketType = ticketType;
        this.title = title;
        this.notice = notice;
        this.updatedAt = now;
    }

    public PlaybookStep add(PlaybookStep step, Instant now) {
        step.placeAt(steps.stream().mapToInt(PlaybookStep::position).max().orElse(0) + 1);
        steps.add(step);
        updatedAt = now;
        return step;
    }

    public PlaybookStep step(UUID stepId) {
        return steps.stream().filter(s -> s.getId().equals(stepId)).findFirst().orElse(null);
    }

    public void remove(UUID stepId, Instant now) {
        steps.removeIf(s -> s.getId().equals(stepId));
        renumber();
        updatedAt = now;
    }

    /** Moves a step one place up (earlier) or down. */
    public void move(UUID stepId, boolean up, Instant now) {
        List<PlaybookStep> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparingInt(PlaybookStep::position));
        PlaybookStep step = step(stepId);
        int at = ordered.indexOf(step);
        int to = up ? at - 1 : at + 1;
        if (step == null || to < 0 || to >= ordered.size()) {
            return;
        }
        ordered.remove(at);
        ordered.add(to, step);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).placeAt(i + 1);
        }
        updatedAt = now;
    }

    private void renumber() {
        List<PlaybookStep> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparingInt(PlaybookStep::position));
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).placeAt(i + 1);
        }
    }

    public UUID gameId() {
        return gameId;
    }

    public PlaybookView view() {
        return new PlaybookView(getId(), gameId, code, ticketType, title, notice, steps.stream()
                .sorted(Comparator.comparingInt(PlaybookStep::position)).map(PlaybookStep::view).toList());
    }
}

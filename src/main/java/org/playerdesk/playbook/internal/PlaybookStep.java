package org.playerdesk.playbook.internal;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.playbook.DataKind;
import org.playerdesk.playbook.PlaybookView;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.entity.StoredEntity;

@Entity
@EntityListeners(ReferenceData.Changes.class)
@Table(name = "playbook_step")
public class PlaybookStep extends StoredEntity {

    private int position;
    private String title;
    private String instructions;
    @Convert(converter = Converters.Data.class)
    private DataKind dataKind;
    @Convert(converter = Converters.Action.class)
    private ActionKind actionKind;
    private Integer windowHours;

    protected PlaybookStep() {
    }

    public PlaybookStep(String title, String instructions, DataKind dataKind, ActionKind actionKind,
            Integer windowHours) {
        change(title, instructions, dataKind, actionKind, windowHours);
    }

    public void change(String title, String instructions, DataKind dataKind, ActionKind actionKind,
            Integer windowHours) {
        this.title = title;
        this.instructions = instructions;
        this.dataKind = dataKind;
        this.actionKind = actionKind;
        this.windowHours = windowHours;
    }

    void placeAt(int position) {
        this.position = position;
    }

    int position() {
        return position;
    }

    PlaybookView.Step view() {
        return new PlaybookView.Step(getId(), position, title, instructions, dataKind, actionKind, windowHours);
    }
}

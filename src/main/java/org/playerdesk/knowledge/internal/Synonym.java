package org.playerdesk.knowledge.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Words players use for the same thing (盗号, 被盗, 号被偷): a search for one finds the others. */
@Entity
@Table(name = "kb_synonym")
public class Synonym extends StoredEntity {

    private UUID gameId;
    private String terms;

    protected Synonym() {
    }

    Synonym(UUID gameId, List<String> terms) {
        this.gameId = gameId;
        this.terms = String.join(",", terms);
    }

    public List<String> terms() {
        return Arrays.stream(terms.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}

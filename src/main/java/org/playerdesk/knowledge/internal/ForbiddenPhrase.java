package org.playerdesk.knowledge.internal;

import java.util.UUID;

import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A phrase agents must not send (服务忌语), e.g. 你懂不懂. A bare phrase (不知道) is forbidden
 * only as the whole reply or a whole sentence of it, since it is fine inside a longer one.
 */
@Entity
@Table(name = "kb_forbidden_phrase")
public class ForbiddenPhrase extends StoredEntity {

    public static final int PHRASE_MAX = 100;

    private UUID gameId;
    private String phrase;
    private boolean bare;

    protected ForbiddenPhrase() {
    }

    ForbiddenPhrase(UUID gameId, String phrase, boolean bare) {
        this.gameId = gameId;
        this.phrase = phrase;
        this.bare = bare;
    }

    public String phrase() {
        return phrase;
    }

    public boolean bare() {
        return bare;
    }
}

package org.playerdesk.privacy;

/** What an erasure does to one kind of a player's data. */
public enum Treatment implements org.playerdesk.system.entity.Coded {
    /** The rows are removed (and their files). */
    DELETE("delete"),
    /** The rows stay, without what names or describes the player (texts, contacts, files). */
    ANONYMISE("anonymise"),
    /** The rows stay as they are (law or the studio's policy requires them). */
    KEEP("keep");

    private final String code;

    Treatment(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

package org.playerdesk.privacy;

/** What a player asks of their data. */
public enum RequestKind implements org.playerdesk.system.entity.Coded {
    /** A copy of everything PlayerDesk keeps about them (a ZIP of JSON files and their attachments). */
    EXPORT("export"),
    /** Their data deleted or anonymised, keeping what law or the studio's policy requires. */
    ERASE("erase");

    private final String code;

    RequestKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

package org.playerdesk.enforcement;

import org.playerdesk.system.entity.Coded;

/**
 * How grave one violation is (情节). Each violation type says at which step of its ladder each
 * severity starts ({@link ViolationTypeView.Starts}): an organised farming studio (情况恶劣) can be
 * banned permanently at once instead of being warned first. Names in both languages under
 * {@code gm.severity.<code>}.
 */
public enum Severity implements Coded {
    MINOR("minor"), NORMAL("normal"), SEVERE("severe");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

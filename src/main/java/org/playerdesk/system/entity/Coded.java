package org.playerdesk.system.entity;

/**
 * An enum with a stable wire code ({@code ban_appeal}, {@code pending_player}): the word used in
 * the API, the database, URLs and message keys, independent of the Java constant's name.
 */
public interface Coded {

    String code();

    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        for (E candidate : type.getEnumConstants()) {
            if (candidate.code().equals(code)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code " + code);
    }
}

package org.playerdesk.game;

import java.util.Locale;
import java.util.Map;

/**
 * A currency or an item a game's accounts hold, as the game's backend names it: {@code code} is
 * the game's own identifier (used in ledgers, balances and compensations), {@code kind} is
 * {@code currency} or {@code item}, {@code names} maps language tags ({@code zh-CN}, {@code en})
 * to the name a person reads. The game's primary currency is the one its older single-balance
 * fields ({@link AccountProfile#currencyBalance()}) and unlabelled ledger entries speak of.
 */
public record Currency(String code, String kind, Map<String, String> names, boolean primary) {

    public static final String CURRENCY = "currency";
    public static final String ITEM = "item";

    /** What a backend that names no currencies holds: one primary currency, the coins. */
    public static final Currency COINS = new Currency("coins", CURRENCY, Map.of("zh-CN", "金币", "en", "Coins"), true);

    public Currency {
        names = names == null ? Map.of() : Map.copyOf(names);
        kind = ITEM.equals(kind) ? ITEM : CURRENCY;
    }

    public boolean item() {
        return ITEM.equals(kind);
    }

    /** The name in the reader's language: the exact tag, else the same language, else any name, else the code. */
    public String name(Locale locale) {
        String tag = locale.toLanguageTag();
        if (names.containsKey(tag)) {
            return names.get(tag);
        }
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (Locale.forLanguageTag(name.getKey()).getLanguage().equals(locale.getLanguage())) {
                return name.getValue();
            }
        }
        return names.isEmpty() ? code : names.values().iterator().next();
    }
}

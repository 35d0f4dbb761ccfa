package org.playerdesk.system.locale;

import java.util.List;
import java.util.Locale;

/** The languages PlayerDesk speaks: Simplified Chinese (the default) and English. */
public final class Locales {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    public static final String COOKIE = "playerdesk-lang";

    private Locales() {
    }

    /** The supported locale closest to a tag such as {@code zh-CN}, {@code zh} or {@code en-US}. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT;
        }
        Locale wanted = Locale.forLanguageTag(tag.replace('_', '-'));
        return "en".equals(wanted.getLanguage()) ? Locale.ENGLISH : DEFAULT;
    }

    /** The first language of an Accept-Language header that PlayerDesk speaks, else the default. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = range.getRange().split("-")[0];
                if ("en".equals(language) || "zh".equals(language)) {
                    return supported(range.getRange());
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a malformed header is not the player's fault: fall back to the default
        }
        return DEFAULT;
    }

    public static String tag(Locale locale) {
        return supported(locale.toLanguageTag()).toLanguageTag();
    }
}

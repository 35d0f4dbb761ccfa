package org.playerdesk.insight.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.insight.figures.Dimension;
import org.playerdesk.routing.RoutingSetup;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The values of the figures' dimensions as a reader reads them: a channel, type, priority or
 * support level by the console's own labels ({@code ticket.channel.*}, {@code ticket.type.*},
 * {@code ticket.priority.*}, {@code ticket.level.*}), a VIP tier by its name ({@code tier.*}), a
 * player's language by its name in the reader's language, an agent by their display name, a
 * server as the game wrote it, a routing queue by its name (none: the game's own pool; a queue
 * removed since: said so), and nothing at all as "unknown". Never a code or an id.
 */
@Component
class FigureWords {

    private final MessageSource messages;
    private final StaffDirectory staff;
    private final RoutingSetup routing;

    FigureWords(MessageSource messages, StaffDirectory staff, RoutingSetup routing) {
        this.messages = messages;
        this.staff = staff;
        this.routing = routing;
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** Each value of the dimension worded, read at once (an agent's name from the staff directory). */
    Map<String, String> words(Dimension dimension, Collection<String> values, Locale locale) {
        Map<String, String> names = new HashMap<>();
        Map<UUID, StaffMember> agents = dimension == Dimension.AGENT ? staff.byIds(ids(values)) : Map.of();
        Map<UUID, String> queues = dimension == Dimension.QUEUE ? routing.queueNames(ids(values)) : Map.of();
        for (String value : values) {
            names.put(value, dimension == Dimension.QUEUE ? queue(value, queues, locale)
                    : word(dimension, value, agents, locale));
        }
        return names;
    }

    private String queue(String value, Map<UUID, String> queues, Locale locale) {
        if (value == null || value.isBlank()) {
            return text("insight.value.noQueue", locale);
        }
        String name = ids(Set.of(value)).stream().map(queues::get).filter(n -> n != null).findFirst().orElse(null);
        return name != null ? name : text("insight.value.removedQueue", locale);
    }

    private String word(Dimension dimension, String value, Map<UUID, StaffMember> agents, Locale locale) {
        if (value == null || value.isBlank()) {
            return text("insight.value.unknown", locale);
        }
        return switch (dimension) {
            case CHANNEL -> label("ticket.channel.", value, locale);
            case TYPE -> label("ticket.type.", value, locale);
            case PRIORITY -> label("ticket.priority.", value, locale);
            case LEVEL -> label("ticket.level.", value, locale);
            case VIP_TIER -> label("tier.", value, locale);
            case LANGUAGE -> language(value, locale);
            case AGENT -> agent(value, agents, locale);
            default -> value;
        };
    }

    private String label(String prefix, String code, Locale locale) {
        // a code this version has no label for (a newer node's) reads as unknown, never as the code
        return messages.getMessage(prefix + code, null, text("insight.value.unknown", locale), locale);
    }

    private String language(String tag, Locale locale) {
        Locale language = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        String name = language.getDisplayName(locale);
        return name.isBlank() ? tag : name;
    }

    private String agent(String value, Map<UUID, StaffMember> agents, Locale locale) {
        try {
            StaffMember member = agents.get(UUID.fromString(value));
            if (member != null) {
                return member.displayName();
            }
        } catch (IllegalArgumentException notAnId) {
            // not a staff id: names no one
        }
        return text("insight.value.formerAgent", locale);
    }

    private static Set<UUID> ids(Collection<String> values) {
        Set<UUID> ids = new HashSet<>();
        for (String value : values) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException | NullPointerException notAnId) {
                // left out
            }
        }
        return ids;
    }
}

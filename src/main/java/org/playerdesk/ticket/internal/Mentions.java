package org.playerdesk.ticket.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * Colleagues mentioned in an internal note by their user name ({@code @xiaolin}). A mention
 * stands at the start of the text or after anything but a letter, digit or dot of a name, so that
 * an email address ({@code player@example.com}) is not one, while Chinese text needs no space
 * before it ({@code 请@xiaolin看一下}). Every person mentioned must be able to see the ticket.
 */
@Component
public class Mentions {

    /** A user name as staff accounts have them, after an {@code @} that does not end a word. */
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@+-])@([A-Za-z0-9][A-Za-z0-9._-]{1,63})");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[._-]+$");

    private final StaffDirectory staff;

    Mentions(StaffDirectory staff) {
        this.staff = staff;
    }

    /** The user names mentioned, in lower case, each once, in the order they are written. */
    public static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /**
     * The members of staff the text mentions, each once. A mention of nobody, or of someone who
     * cannot see a ticket of this game (another game's staff, a disabled account), is refused as a
     * field error of {@code field}, naming them; nothing is refused for a text without mentions.
     */
    public List<StaffMember> resolve(String text, UUID gameId, String field) {
        Map<UUID, StaffMember> found = new LinkedHashMap<>();
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        for (String name : names(text)) {
            Optional<StaffMember> member = byName(name);
            if (member.isEmpty()) {
                errors.add(new InvalidInput.FieldError(field, "invalid.mention.unknown", "@" + name));
            } else if (!member.get().enabled() || !member.get().serves(gameId)) {
                errors.add(new InvalidInput.FieldError(field, "invalid.mention.cannotSee",
                        member.get().displayName(), "@" + member.get().username()));
            } else {
                found.putIfAbsent(member.get().id(), member.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return List.copyOf(found.values());
    }

    /** A user name as written, or without the full stop or dash that ends the sentence after it. */
    private Optional<StaffMember> byName(String name) {
        Optional<StaffMember> member = staff.byUsername(name);
        String trimmed = TRAILING_PUNCTUATION.matcher(name).replaceAll("");
        if (member.isEmpty() && !trimmed.equals(name) && trimmed.length() >= 2) {
            member = staff.byUsername(trimmed);
        }
        return member;
    }
}

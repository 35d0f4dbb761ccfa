package org.playerdesk.knowledge.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.system.errors.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The synonyms of a game's search, applied when a query is made, so an admin's edit takes effect
 * at once without rebuilding the index. Kept in memory for a short while per game; an edit on
 * this node clears it at once, other nodes see it within {@link #FRESH_FOR}.
 */
@Service
public class SynonymBook {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    static final int GROUPS_MAX = 500;
    static final int TERM_MAX = 40;

    private final SynonymRepository synonyms;
    private final Cache<UUID, List<List<String>>> byGame = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR)
            .maximumSize(1000).build();

    SynonymBook(SynonymRepository synonyms) {
        this.synonyms = synonyms;
    }

    public List<List<String>> groups(UUID gameId) {
        return byGame.get(gameId, id -> synonyms.findByGameId(id).stream().map(Synonym::terms).toList());
    }

    /** The other words that mean what some word of the query means. */
    public Set<String> alternatives(UUID gameId, String query) {
        Set<String> alternatives = new LinkedHashSet<>();
        String text = query.toLowerCase(Locale.ROOT);
        for (List<String> group : groups(gameId)) {
            if (group.stream().anyMatch(term -> text.contains(term.toLowerCase(Locale.ROOT)))) {
                group.stream().filter(term -> !text.contains(term.toLowerCase(Locale.ROOT))).forEach(alternatives::add);
            }
        }
        return alternatives;
    }

    /** The groups as an admin edits them: one group per line, words separated by commas (， or ,). */
    public String asText(UUID gameId) {
        return String.join("\n", groups(gameId).stream().map(g -> String.join(", ", g)).toList());
    }

    /** Replaces a game's synonyms with the groups of {@code text}; lines with fewer than two words are refused. */
    @Transactional
    public void replace(UUID gameId, String text) {
        List<List<String>> groups = parse(text);
        synonyms.deleteByGameId(gameId);
        synonyms.flush();
        groups.forEach(group -> synonyms.save(new Synonym(gameId, group)));
        byGame.invalidate(gameId);
    }

    /** The groups of {@code text}, one per line; each line's own rules need its words, so they are checked here. */
    static List<List<String>> parse(String text) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> group = new ArrayList<>(new LinkedHashSet<>(List.of(lines[i].split("[,，、]")).stream()
                    .map(String::strip).filter(t -> !t.isEmpty()).toList()));
            if (group.size() < 2) {
                errors.add(new InvalidInput.FieldError("synonyms", "invalid.synonyms.pair", i + 1));
            } else if (group.stream().anyMatch(t -> t.length() > TERM_MAX)) {
                errors.add(new InvalidInput.FieldError("synonyms", "invalid.synonyms.long", i + 1, TERM_MAX));
            } else {
                groups.add(group);
            }
        }
        if (groups.size() > GROUPS_MAX) {
            errors.add(new InvalidInput.FieldError("synonyms", "invalid.tooMany", GROUPS_MAX));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return groups;
    }
}

package org.playerdesk.game;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.playerdesk.game.internal.Game;
import org.playerdesk.game.internal.GameRepository;
import org.playerdesk.system.cache.ReferenceCache;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The games this support center serves. */
@Service
@Transactional(readOnly = true)
public class GameCatalog {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");

    private final GameRepository games;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final InputValidation validation;
    /** How long a change another node makes may go unseen in {@link #all()} and {@link #get}. */
    static final Duration KEEP = Duration.ofSeconds(5);

    /** Every game by name, and by id. */
    private record Games(List<GameInfo> all, Map<UUID, GameInfo> byId) {
    }

    private final ReferenceCache<Games> kept;

    GameCatalog(GameRepository games, Clock clock, ApplicationEventPublisher events, InputValidation validation,
            ReferenceData referenceData) {
        this.kept = referenceData.cache(Game.class, KEEP);
        this.games = games;
        this.clock = clock;
        this.events = events;
        this.validation = validation;
    }

    @Transactional
    public GameInfo register(String code, String name, String defaultLocale) {
        return register(code, name, defaultLocale, "Asia/Shanghai", "always", List.of("in_game", "web", "chat", "email"),
                false).info();
    }

    /**
     * Registers a game with its time zone, business calendar ({@code always} or {@code office})
     * and channels; every module gives it its defaults on {@link GameRegistered}, the default
     * routing queues included.
     */
    @Transactional
    public GameProfile register(String code, String name, String defaultLocale, String timeZone, String businessHours,
            List<String> channels) {
        return register(code, name, defaultLocale, timeZone, businessHours, channels, true);
    }

    private GameProfile register(String code, String name, String defaultLocale, String timeZone, String businessHours,
            List<String> channels, boolean defaultQueues) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new InvalidInput.FieldError("code", "invalid.code.dashes"));
        } else if (games.findByCode(code).isPresent()) {
            errors.add(new InvalidInput.FieldError("code", "invalid.taken"));
        }
        Described described = describe(errors, name, defaultLocale, timeZone, businessHours, channels);
        throwIfAny(errors);
        Game game = new Game(code, described.name(), described.locale(), clock.instant());
        game.describe(described.name(), described.locale(), described.timeZone(), described.businessHours(),
                described.channels());
        game = games.save(game);
        events.publishEvent(new GameRegistered(game.getId(), code, defaultQueues));
        return game.profile();
    }

    /** Changes what the administrators keep of a game; its code never changes. */
    @Transactional
    public GameProfile change(UUID id, String name, String defaultLocale, String timeZone, String businessHours,
            List<String> channels) {
        Game game = games.findById(id).orElseThrow(() -> new NotFoundException("game", id));
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        Described described = describe(errors, name, defaultLocale, timeZone, businessHours, channels);
        throwIfAny(errors);
        game.describe(described.name(), described.locale(), described.timeZone(), described.businessHours(),
                described.channels());
        events.publishEvent(new GameChanged(id, game.code()));
        return game.profile();
    }

    /** Archives a game: its API keys stop working, its tickets stay readable. */
    @Transactional
    public GameProfile archive(UUID id) {
        Game game = games.findById(id).orElseThrow(() -> new NotFoundException("game", id));
        game.archive(clock.instant());
        events.publishEvent(new GameArchived(id, game.code()));
        return game.profile();
    }

    /** Takes a game out of the archive: its API keys work again. */
    @Transactional
    public GameProfile restore(UUID id) {
        Game game = games.findById(id).orElseThrow(() -> new NotFoundException("game", id));
        game.restore();
        events.publishEvent(new GameChanged(id, game.code()));
        return game.profile();
    }

    public GameProfile profile(UUID id) {
        return games.findById(id).map(Game::profile).orElseThrow(() -> new NotFoundException("game", id));
    }

    public List<GameProfile> profiles() {
        return games.findAllByOrderByNameAsc().stream().map(Game::profile).toList();
    }

    /** Whether the game exists and is not archived. */
    public boolean active(UUID id) {
        return games.findById(id).map(g -> !g.profile().archived()).orElse(false);
    }

    private record Described(String name, String locale, String timeZone, String businessHours, List<String> channels) {
    }

    /** What a game is called, as administrators type it. */
    record GameName(
            @NotBlank(message = "{invalid.blank}") @Size(max = 100, message = "{invalid.tooLong}") @SingleLine
            String name) {
    }

    private static void throwIfAny(List<InvalidInput.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private Described describe(List<InvalidInput.FieldError> errors, String name, String defaultLocale,
            String timeZone, String businessHours, List<String> channels) {
        String checkedName = name == null || name.isBlank() ? null : name.strip();
        errors.addAll(validation.errors(new GameName(checkedName)));
        // a zone, a calendar and channels are chosen from what the product knows, so they are parsed here
        String zone = timeZone == null ? "" : timeZone.strip();
        try {
            zone = java.time.ZoneId.of(zone).getId();
        } catch (java.time.DateTimeException e) {
            errors.add(new InvalidInput.FieldError("timeZone", "invalid.timeZone"));
        }
        if (businessHours == null || !GameProfile.BUSINESS_HOURS.contains(businessHours)) {
            errors.add(new InvalidInput.FieldError("businessHours", "invalid.oneOf", "always, office"));
        }
        List<String> chosen = channels == null ? List.of() : channels.stream().distinct().toList();
        if (chosen.isEmpty() || !GameProfile.CHANNELS.containsAll(chosen)) {
            errors.add(new InvalidInput.FieldError("channels", "invalid.someOf", String.join(", ", GameProfile.CHANNELS)));
        }
        chosen = GameProfile.CHANNELS.stream().filter(chosen::contains).toList();
        return new Described(checkedName, Locales.tag(Locales.supported(defaultLocale)), zone, businessHours, chosen);
    }

    public Optional<GameInfo> byCode(String code) {
        return games.findByCode(code).map(Game::info);
    }

    /** The game, from the games kept in memory ({@link ReferenceData}); one made on another node just now is read. */
    public GameInfo get(UUID id) {
        GameInfo kept = kept().byId().get(id);
        return kept != null ? kept
                : games.findById(id).map(Game::info).orElseThrow(() -> new NotFoundException("game", id));
    }

    /** Every game by name, kept in memory and read again after any change. */
    public List<GameInfo> all() {
        return kept().all();
    }

    /** These games by name. */
    public List<GameInfo> all(Collection<UUID> ids) {
        Set<UUID> wanted = ids instanceof Set<UUID> set ? set : Set.copyOf(ids);
        return kept().all().stream().filter(game -> wanted.contains(game.id())).toList();
    }

    private Games kept() {
        return kept.get(() -> {
            List<GameInfo> all = games.findAllByOrderByNameAsc().stream().map(Game::info).toList();
            return new Games(all, all.stream().collect(Collectors.toUnmodifiableMap(GameInfo::id, Function.identity())));
        });
    }

    /** The games a member of staff serves, by their scope ({@code null}: every game), by name. */
    public List<GameInfo> servedBy(Collection<UUID> scope) {
        return scope == null ? all() : all(scope);
    }

    /**
     * The game of this code when the scope ({@code null}: every game) has it, or the scope's first
     * game by name when no code is given; a game outside the scope is answered as absent, like a
     * game that does not exist.
     */
    public GameInfo chosen(String code, Collection<UUID> scope) {
        if (code == null || code.isBlank()) {
            return servedBy(scope).stream().findFirst().orElseThrow(() -> new NotFoundException("game", "served"));
        }
        return byCode(code).filter(game -> scope == null || scope.contains(game.id()))
                .orElseThrow(() -> new NotFoundException("game", code));
    }
}

package org.playerdesk.game;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.game.internal.Game;
import org.playerdesk.game.internal.GameRepository;
import org.playerdesk.system.FieldErrors;
import org.playerdesk.system.Locales;
import org.playerdesk.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The games this support center serves. */
@Service
@Transactional(readOnly = true)
public class GameCatalog {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");

    private final GameRepository games;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    GameCatalog(GameRepository games, Clock clock, ApplicationEventPublisher events) {
        this.games = games;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public GameInfo register(String code, String name, String defaultLocale) {
        FieldErrors errors = new FieldErrors();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add("code", "must be 2 to 32 lower-case letters, digits or dashes");
        } else if (games.findByCode(code).isPresent()) {
            errors.add("code", "is taken");
        }
        String checkedName = errors.line("name", name, 100, true);
        errors.throwIfAny();
        Game game = games.save(new Game(code, checkedName, Locales.tag(Locales.supported(defaultLocale)), clock.instant()));
        events.publishEvent(new GameRegistered(game.getId(), code));
        return game.info();
    }

    public Optional<GameInfo> byCode(String code) {
        return games.findByCode(code).map(Game::info);
    }

    public GameInfo get(UUID id) {
        return games.findById(id).map(Game::info).orElseThrow(() -> new NotFoundException("game", id));
    }

    public List<GameInfo> all() {
        return games.findAllByOrderByNameAsc().stream().map(Game::info).toList();
    }

    public List<GameInfo> all(Collection<UUID> ids) {
        return games.findAllByIdInOrderByNameAsc(ids).stream().map(Game::info).toList();
    }
}

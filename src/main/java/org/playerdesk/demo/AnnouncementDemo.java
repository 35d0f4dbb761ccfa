package org.playerdesk.demo;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.announcement.AnnouncementDraft;
import org.playerdesk.announcement.Announcements;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.PlayerDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo game's announcements, after the demo workspace: a pinned maintenance notice for the
 * coming weekend with its window, also shown to agents as a console banner, and an event, both in
 * Chinese and English, on the demo help center and in the in-game feed. Seeded once, under the
 * same conditions as the demo workspace.
 */
@Component
@Order(31)
class AnnouncementDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final Announcements announcements;
    private final Clock clock;

    AnnouncementDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            Announcements announcements, Clock clock) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        boolean embedded;
        try (Connection connection = dataSource.getConnection()) {
            embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        boolean wanted = properties.demo() != null ? properties.demo() : embedded;
        GameInfo game = games.byCode(DemoWorkspace.GAME).orElse(null);
        StaffMember lead = staff.byUsername("lead").orElse(null);
        if (!wanted || game == null || lead == null
                || !announcements.list(Set.of(game.id()), null, null, 0).items().isEmpty()) {
            return;
        }
        Instant tomorrow = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
        announcements.create(game.id(), new AnnouncementDraft("maintenance", "全服停服维护公告",
                "为了给大家带来更好的游戏体验，我们将对**全部区服**进行停服维护。\n\n"
                        + "- 维护期间无法登录游戏，请提前下线；\n- 维护结束后，所有玩家将获得 **200 钻石** 补偿。\n\n感谢您的理解与支持！",
                "Maintenance on all servers",
                "We are updating **all servers** to make the game better.\n\n"
                        + "- You cannot log in meanwhile: please log out in time;\n"
                        + "- afterwards every player receives **200 diamonds**.\n\nThank you for your patience!",
                tomorrow, tomorrow.plus(Duration.ofHours(4)), null, tomorrow.plus(Duration.ofHours(4)), true, true),
                true, lead);
        announcements.create(game.id(), new AnnouncementDraft("event", "冬至登录活动开启",
                "活动期间每日登录即可领取**饺子礼包**，连续登录 7 天额外获得限定坐骑「雪狐」。",
                "Winter solstice login event",
                "Log in every day of the event for a **dumpling pack**; seven days in a row earn the snow fox mount.",
                null, null, null, clock.instant().plus(Duration.ofDays(14)), false, false), true, lead);
        log.info("Demo data: two announcements on the demo help center and in the in-game feed");
    }
}

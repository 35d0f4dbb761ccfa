package org.playerdesk.demo;

import java.time.YearMonth;
import java.util.List;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.review.MonthlyReviews;
import org.playerdesk.review.Review;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.workforce.Teams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's monthly reviews, after the roster's team: last month's review of each of the team's
 * agents (shift1 to shift4), marked and shared by the lead, the first one acknowledged; so the pay
 * page shows last month computed with the default rules. Seeded once, under the same conditions as
 * the demo workspace.
 */
@Component
@Order(70)
class ReviewDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReviewDemo.class);
    /** Each agent's marks: attitude, ability, quality, satisfaction, teamwork; and the lead's comment. */
    private static final String[][] MARKS = {
        {"5", "5", "5", "4", "5", "本月质检和满意度都很好，交接班记录清楚。"},
        {"4", "4", "4", "4", "4", "整体稳定，夜班响应可以再快一些。"},
        {"4", "3", "4", "3", "5", "乐于帮助同事；业务知识还需加强，下月安排培训。"},
        {"3", "3", "3", "3", "3", "本月请假较多，指标偏低，下月继续跟进。"}};

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final StaffDirectory staff;
    private final Teams teams;
    private final MonthlyReviews reviews;

    ReviewDemo(PlayerDeskProperties properties, DataSource dataSource, StaffDirectory staff, Teams teams,
            MonthlyReviews reviews) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.staff = staff;
        this.teams = teams;
        this.reviews = reviews;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        YearMonth month = reviews.thisMonth().minusMonths(1);
        StaffMember lead = staff.byUsername("lead").orElse(null);
        var team = teams.all().stream().filter(t -> t.name().equals(RosterDemo.TEAM)).findFirst().orElse(null);
        if (!DemoWorkspace.wanted(properties, dataSource) || lead == null || team == null
                || !reviews.counted(month, month).isEmpty()) {
            return;
        }
        List<StaffMember> agents = staff.byIds(team.memberIds()).values().stream()
                .sorted(java.util.Comparator.comparing(StaffMember::username)).toList();
        List<Review> drafted = reviews.draft(agents.stream().map(StaffMember::id).toList(), month, lead);
        for (int i = 0; i < drafted.size(); i++) {
            String[] marks = MARKS[i % MARKS.length];
            Review review = reviews.assess(drafted.get(i).id(),
                    new MonthlyReviews.Assessment(marks[0], marks[1], marks[2], marks[3], marks[4], marks[5]), lead);
            reviews.share(review.id(), lead);
        }
        if (!agents.isEmpty()) {
            reviews.acknowledge(drafted.getFirst().id(), "谢谢组长，会继续保持。", agents.getFirst());
        }
        log.info("Demo data: {} reviews of {} shared by the lead", drafted.size(), month);
    }
}

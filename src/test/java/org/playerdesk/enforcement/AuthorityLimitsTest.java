package org.playerdesk.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.playerdesk.access.StaffRole;
import org.playerdesk.vip.VipSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The limits per role as configured, with the defaults where nothing is said. */
class AuthorityLimitsTest {

    @Test
    void defaultsAreFirstLineOneThousandSecondLineTenThousandSupervisorsUnlimited() {
        AuthorityLimits limits = new AuthorityLimits(null);

        assertThat(limits.allows(StaffRole.AGENT_L1, ActionKind.COMPENSATE, 1000L, null)).isTrue();
        assertThat(limits.allows(StaffRole.AGENT_L1, ActionKind.COMPENSATE, 1001L, null)).isFalse();
        assertThat(limits.allows(StaffRole.AGENT_L2, ActionKind.COMPENSATE, 10_000L, null)).isTrue();
        assertThat(limits.allows(StaffRole.AGENT_L2, ActionKind.COMPENSATE, 10_001L, null)).isFalse();
        assertThat(limits.allows(StaffRole.SUPERVISOR, ActionKind.COMPENSATE, 1_000_000L, null)).isTrue();
        assertThat(limits.allows(StaffRole.AGENT_L1, ActionKind.BAN, null, 7)).isTrue();
        assertThat(limits.allows(StaffRole.AGENT_L1, ActionKind.BAN, null, null)).isFalse();
        assertThat(limits.allows(StaffRole.AGENT_L1, ActionKind.FREEZE, null, null)).isTrue();
    }

    @Test
    void bindsRolesWrittenWithDashesUnderscoresOrAsEnvironmentVariables() {
        AuthorityLimits limits = new Binder(new MapConfigurationPropertySource(Map.of(
                "playerdesk.gm.limits.agent-l1.compensate", "5000",
                "playerdesk.gm.limits.agentl2.permanent-ban", "false")))
                .bind("playerdesk.gm", AuthorityLimits.class).get();

        assertThat(limits.of(StaffRole.AGENT_L1).compensate()).isEqualTo(5000);
        assertThat(limits.of(StaffRole.AGENT_L1).permanentBan()).isFalse();
        assertThat(limits.of(StaffRole.AGENT_L2).compensate()).isEqualTo(10_000);
        assertThat(limits.of(StaffRole.AGENT_L2).permanentBan()).isFalse();
    }

    @Test
    void vipFollowUpsArePerTier() {
        VipSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "playerdesk.vip.follow-ups.gold", "14d")))
                .bind("playerdesk.vip", VipSettings.class).get();

        assertThat(settings.followUpEvery("standard")).isNull();
        assertThat(settings.followUpEvery("gold")).isEqualTo(Duration.ofDays(14));
        assertThat(new VipSettings(null, null, null).followUpEvery("gold")).isEqualTo(Duration.ofDays(30));
        assertThat(new VipSettings(null, null, null).followUpEvery("silver")).isEqualTo(Duration.ofDays(90));
    }
}

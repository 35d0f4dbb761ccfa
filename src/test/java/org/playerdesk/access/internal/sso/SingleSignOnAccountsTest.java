package org.playerdesk.access.internal.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.internal.StaffAccountRepository;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.access.internal.sso.SingleSignOnAccounts.Identity;
import org.playerdesk.access.internal.sso.SingleSignOnSettings.RolesFrom;
import org.playerdesk.access.internal.sso.SingleSignOnSettings.UnknownUsers;
import org.playerdesk.game.GameCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who a provider's identity signs in as, with roles kept in PlayerDesk: the settings the end-to-end
 * test does not use, on the suite's shared context (the accounts' rules need no provider).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class SingleSignOnAccountsTest {

    static final String ISSUER = "https://sso.studio.test/realms/" + TestWorkspace.unique("staff");

    @Autowired
    StaffAccountRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    GameCatalog games;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anUnknownPersonIsRefusedAndGetsNoAccountByDefault() {
        SingleSignOnAccounts accounts = accounts(UnknownUsers.REFUSE, false);
        Identity stranger = identity("erin", List.of("support-l2"));

        assertThatThrownBy(() -> inTransaction(() -> accounts.signIn(stranger)))
                .isInstanceOfSatisfying(SingleSignOnRefused.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo("unknown"));
        assertThat(staff.byUsername(stranger.username())).isEmpty();
    }

    @Test
    void anUnknownPersonCanGetADisabledAccountAwaitingAnAdministrator() {
        SingleSignOnAccounts accounts = accounts(UnknownUsers.CREATE_DISABLED, false);
        Identity newcomer = identity("frank", List.of());

        assertThatThrownBy(() -> inTransaction(() -> accounts.signIn(newcomer)))
                .isInstanceOfSatisfying(SingleSignOnRefused.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo("awaiting"));
        StaffMember frank = staff.byUsername(newcomer.username()).orElseThrow();
        assertThat(frank.enabled()).isFalse();
        assertThat(frank.role()).isEqualTo(StaffRole.AGENT_L1);
        assertThat(frank.gameIds()).isEmpty();

        // still refused until an administrator enables the account; then it signs in as linked
        assertThatThrownBy(() -> inTransaction(() -> accounts.signIn(newcomer)))
                .isInstanceOfSatisfying(SingleSignOnRefused.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo("disabled"));
        staff.enable(frank.id(), workspace.staff(StaffRole.ADMIN));
        assertThat(inTransaction(() -> accounts.signIn(newcomer)).id()).isEqualTo(frank.id());
    }

    @Test
    void withRolesKeptInPlayerDeskTheGroupsChangeNothing() {
        StaffMember grace = workspace.staff(StaffRole.QA);
        jdbc.update("update staff_account set email = ? where id = ?", grace.username() + "@studio.test", grace.id());
        Identity fromProvider = new Identity(ISSUER, "sub-" + grace.username(), grace.username(), "Grace",
                grace.username() + "@studio.test", true, List.of("support-leads"));

        assertThat(inTransaction(() -> accounts(UnknownUsers.REFUSE, true).signIn(fromProvider)).role())
                .isEqualTo(StaffRole.QA);
        assertThat(staff.get(grace.id()).role()).isEqualTo(StaffRole.QA);
    }

    @Test
    void anUnverifiedAddressLinksNoAccount() {
        StaffMember henry = workspace.staff(StaffRole.AGENT_L1);
        jdbc.update("update staff_account set email = ? where id = ?", henry.username() + "@studio.test", henry.id());
        Identity unverified = new Identity(ISSUER, "sub-" + henry.username(), henry.username(), "Henry",
                henry.username() + "@studio.test", false, List.of());

        assertThatThrownBy(() -> inTransaction(() -> accounts(UnknownUsers.REFUSE, true).signIn(unverified)))
                .isInstanceOf(SingleSignOnRefused.class);
        assertThat(jdbc.queryForObject("select count(*) from staff_sso_link where staff_id = ?", Integer.class,
                henry.id())).isZero();
    }

    private SingleSignOnAccounts accounts(UnknownUsers unknownUsers, boolean matchByEmail) {
        SingleSignOnSettings settings = new SingleSignOnSettings(true, ISSUER, "playerdesk", "secret", null, null,
                RolesFrom.PLAYERDESK, Map.of("support-leads", "supervisor"), Map.of(), unknownUsers, matchByEmail,
                true, null);
        return new SingleSignOnAccounts(settings, repository, jdbc, passwords, games, audit, clock, new ReferenceData());
    }

    private static Identity identity(String name, List<String> groups) {
        String username = TestWorkspace.unique(name);
        return new Identity(ISSUER, "sub-" + username, username, name, username + "@studio.test", true, groups);
    }

    /** As the application's proxy runs it: one transaction, kept when the sign-in is refused. */
    private <T> T inTransaction(Supplier<T> work) {
        Object[] result = new Object[1];
        RuntimeException[] refused = new RuntimeException[1];
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            try {
                result[0] = work.get();
            } catch (SingleSignOnRefused e) {
                refused[0] = e;
            }
        });
        if (refused[0] != null) {
            throw refused[0];
        }
        @SuppressWarnings("unchecked")
        T answer = (T) result[0];
        return answer;
    }
}

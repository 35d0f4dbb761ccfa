package org.playerdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffDirectory.SharedPassword;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password hashed once for several new accounts (the demo's staff): each account signs in with
 * it; a password that {@code enrol} would refuse is refused when it is hashed, and the accounts'
 * own fields are still checked.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class SharedPasswordTest {

    @Autowired
    StaffDirectory staff;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void everyAccountEnrolledWithTheSharedPasswordSignsInWithIt() {
        SharedPassword shared = staff.sharedPassword("playerdesk-shared");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StaffMember first = staff.enrol("shared-a-" + suffix, " 甲 ", shared, StaffRole.AGENT_L1, "zh-CN", Set.of());
        StaffMember second = staff.enrol("shared-b-" + suffix, "乙", shared, StaffRole.QA, "en", Set.of());

        assertThat(first.displayName()).isEqualTo("甲");
        for (StaffMember member : new StaffMember[] { first, second }) {
            String stored = staff.loadUserByUsername(member.username()).getPassword();
            assertThat(passwords.matches("playerdesk-shared", stored)).isTrue();
            assertThat(passwords.matches("playerdesk-other", stored)).isFalse();
        }
    }

    @Test
    void aShortPasswordIsRefusedAndTheAccountsFieldsAreStillChecked() {
        assertThatThrownBy(() -> staff.sharedPassword("short")).isInstanceOfSatisfying(InvalidInput.class,
                refused -> assertThat(refused.errors()).extracting(InvalidInput.FieldError::field).containsExactly("password"));
        SharedPassword shared = staff.sharedPassword("playerdesk-shared");
        assertThatThrownBy(() -> staff.enrol("Not Valid", " ", shared, StaffRole.AGENT_L1, "zh-CN", Set.of()))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactlyInAnyOrder("username", "displayName"));
    }
}

package org.playerdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.boot.DefaultApplicationArguments;

/** What the start does with PLAYERDESK_ADMIN_* that cannot make an administrator, and with a staff directory that has people. */
class FirstAdministratorTest {

    @Test
    void aConfiguredPasswordThatIsRefusedStopsTheStartWithoutRepeatingIt() {
        StaffDirectory staff = mock(StaffDirectory.class);
        when(staff.anyone()).thenReturn(false);
        when(staff.enrolFirstAdministrator(any(), any(), any(), any(), any()))
                .thenThrow(InvalidInput.of("password", "invalid.length", 8, 128));
        FirstAdministrator first = new FirstAdministrator(staff, "boss", "tiny-pw");
        assertThatThrownBy(() -> first.run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PLAYERDESK_ADMIN_PASSWORD").hasMessageContaining("password: invalid.length [8, 128]")
                .hasMessageNotContaining("tiny-pw");
    }

    @Test
    void nothingIsMadeAndNoTokenIsValidWhenStaffExists() {
        StaffDirectory staff = mock(StaffDirectory.class);
        when(staff.anyone()).thenReturn(true);
        FirstAdministrator first = new FirstAdministrator(staff, "", "");
        first.run(new DefaultApplicationArguments());
        assertThat(first.setupOpen()).isFalse();
        assertThat(first.accepts("")).isFalse();
        assertThat(first.complete("anything", "root", "Root", "long-enough-1", "en")).isEmpty();
        verify(staff, never()).enrolFirstAdministrator(any(), any(), any(), any(), any());
    }
}

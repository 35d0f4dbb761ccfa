package org.playerdesk.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.department.DepartmentForm;
import org.playerdesk.department.Departments;
import org.playerdesk.game.internal.DefaultGameBackends;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.net.OutboundAddresses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * Addresses of the server's own network are refused where an administrator configures them (a
 * game connector, a department webhook) and where a call would go out; the tests' own stand-ins
 * on loopback are allowed by the tests' allow-list only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class InternalAddressesRefusedTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameConnectors connectors;
    @Autowired
    DefaultGameBackends backends;
    @Autowired
    Departments departments;

    @Test
    void refusesAGameConnectorToTheCloudsMetadataAddress() {
        GameInfo game = workspace.game();
        assertThatThrownBy(() -> connectors.configure(game.id(), ConnectorKind.HTTP,
                "http://169.254.169.254/latest/meta-data", "a-secret-of-sixteen-chars", null, null, "admin"))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors())
                        .anySatisfy(e -> {
                            assertThat(e.field()).isEqualTo("baseUrl");
                            assertThat(e.key()).isEqualTo(OutboundAddresses.REFUSED);
                        }));
        assertThat(connectors.settings(game.id()).baseUrl()).isNull();
        assertThatThrownBy(() -> connectors.configure(game.id(), ConnectorKind.HTTP, "http://[fd00::1]:8080/",
                "a-secret-of-sixteen-chars", null, null, "admin")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aCallToARefusedAddressIsNotMadeAndSaysOnlyThatItIsRefused() {
        var backend = backends.httpBackend(UUID.randomUUID().toString(), "http://10.255.255.1:81/game",
                "a-secret-of-sixteen-chars", Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThatThrownBy(backend::ping).isInstanceOf(GameBackendUnavailable.class)
                .hasMessageContaining("refused").hasMessageNotContaining("connect");
    }

    @Test
    void refusesADepartmentWebhookToAPrivateAddress() {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN, game);
        assertThatThrownBy(() -> departments.create(new DepartmentForm(game.id(), "ops", "Operations", "webhook", null,
                "http://192.168.1.10/hooks", "webhook-secret-of-operations", "24", false, true, Set.of()), admin))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors())
                        .anySatisfy(e -> {
                            assertThat(e.field()).isEqualTo("webhookUrl");
                            assertThat(e.key()).isEqualTo(OutboundAddresses.REFUSED);
                        }));
    }
}

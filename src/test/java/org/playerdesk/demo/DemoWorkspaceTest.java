package org.playerdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** When the demo workspace is seeded, decided without a database. */
@ExtendWith(OutputCaptureExtension.class)
class DemoWorkspaceTest {

    static final String H2 = "jdbc:h2:file:./data/playerdesk";
    static final String POSTGRES = "jdbc:postgresql://db.example.com:5432/playerdesk";

    GameCatalog games = mock(GameCatalog.class);
    StaffDirectory staff = mock(StaffDirectory.class);
    ApiKeys keys = mock(ApiKeys.class);
    TicketDesk desk = mock(TicketDesk.class);
    Connection connection = mock(Connection.class);

    @Test
    void seedsNothingWhenSwitchedOff(CapturedOutput output) throws Exception {
        workspace(false, H2).run(new DefaultApplicationArguments());

        verifyNoInteractions(games, staff, keys, desk);
        assertThat(output).contains("Demo data: not seeded");
    }

    @Test
    void seedsNothingIntoAnExternalDatabaseUnlessAsked() throws Exception {
        workspace(null, POSTGRES).run(new DefaultApplicationArguments());

        verifyNoInteractions(games, staff, keys, desk);
    }

    @Test
    void seedsOnlyOnce() throws Exception {
        DemoWorkspace workspace = workspace(null, H2);
        when(games.byCode("demo")).thenReturn(Optional.of(new GameInfo(UUID.randomUUID(), "demo", "幻境传说", "zh-CN")));

        workspace.run(new DefaultApplicationArguments());

        verify(games, never()).register(anyString(), anyString(), anyString());
        verifyNoInteractions(staff, keys, desk);
    }

    @Test
    void givesBackTheConnectionItLookedAt() throws Exception {
        workspace(false, POSTGRES).run(new DefaultApplicationArguments());
        DemoWorkspace seeded = workspace(true, H2);
        when(games.byCode("demo")).thenReturn(Optional.of(new GameInfo(UUID.randomUUID(), "demo", "幻境传说", "zh-CN")));
        seeded.run(new DefaultApplicationArguments());

        // a connection kept open would be lost to the pool for the life of the application
        verify(connection, times(2)).close();
    }

    private DemoWorkspace workspace(Boolean demo, String url) throws SQLException {
        DataSource dataSource = mock(DataSource.class);
        DatabaseMetaData meta = mock(DatabaseMetaData.class);
        when(dataSource.getConnection()).thenReturn(connection);
        when(connection.getMetaData()).thenReturn(meta);
        when(meta.getURL()).thenReturn(url);
        when(games.byCode("demo")).thenReturn(Optional.empty());
        return new DemoWorkspace(new PlayerDeskProperties(null, demo, null, null), dataSource, games, staff, keys, desk,
                new DemoPassword(staff));
    }
}

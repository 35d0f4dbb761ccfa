package org.playerdesk.system.files;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.playerdesk.system.PlayerDeskProperties;
import org.springframework.transaction.PlatformTransactionManager;

/** The file store's promises, kept by folders under the data dir. */
class LocalFoldersContractTest extends FileStoreContract {

    @TempDir
    Path dataDir;
    LocalFolders folders;

    @BeforeEach
    void setUp() {
        folders = new LocalFolders(new PlayerDeskProperties(dataDir, false, null, null), Clock.systemUTC());
    }

    @Override
    FileStores stores() {
        return folders;
    }

    @Override
    PlatformTransactionManager transactions() {
        return new NoResources();
    }
}

package io.brainstem.bootstrap;

import io.brainstem.adapters.persistence.postgres.PostgresServer;
import io.helidon.config.Config;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The whole operational-memory loop, restarts included, with brainstem storing in a real PostgreSQL. */
class PostgresMemoryLoopAcrossRestartTest extends MemoryLoopAcrossRestartTest {

    private String databaseUrl;

    @BeforeEach
    void freshDatabase() {
        databaseUrl = PostgresServer.get().freshDatabaseUrl();
    }

    @Override
    protected BrainstemSettings settings() {
        return BrainstemSettings.load(Config.empty(), Map.of("BRAINSTEM_HTTP_PORT", "0",
                "BRAINSTEM_DATA_DIR", dataDir.toString(), "BRAINSTEM_SYSLOG_PORT", "off",
                "BRAINSTEM_DATABASE_URL", databaseUrl));
    }
}

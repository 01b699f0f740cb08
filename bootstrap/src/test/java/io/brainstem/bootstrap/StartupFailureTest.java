package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.Config;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** brainstem refuses to start half alive: a port in use, a data directory it cannot use, a file that is no database. */
class StartupFailureTest {

    @TempDir
    Path dir;

    private BrainstemSettings settings(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("BRAINSTEM_HTTP_PORT", "0",
                "BRAINSTEM_DATA_DIR", dir.toString(), "BRAINSTEM_SYSLOG_PORT", "off"));
        env.putAll(extra);
        return BrainstemSettings.load(Config.empty(), env);
    }

    @Test
    void anHttpPortInUseIsAStartupFailureNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
                Brainstem brainstem = new Brainstem(settings(Map.of("BRAINSTEM_HTTP_PORT",
                        Integer.toString(taken.getLocalPort()))))) {
            StartupException e = assertThrows(StartupException.class, brainstem::startHttp);
            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsAStartupFailureNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        try (Brainstem brainstem = new Brainstem(settings(Map.of("BRAINSTEM_DATA_DIR", file.resolve("state").toString())))) {
            StartupException e = assertThrows(StartupException.class, brainstem::checkStorage);
            assertTrue(e.getMessage().contains(file.resolve("state").toString()), e.getMessage());
        }
    }

    @Test
    void aCorruptDatabaseFileIsAStartupFailureNamingTheFile() throws Exception {
        Path db = dir.resolve("brainstem.sqlite3");
        Files.writeString(db, "this is not a database, but a text file that someone copied here by mistake");
        try (Brainstem brainstem = new Brainstem(settings(Map.of()))) {
            StartupException e = assertThrows(StartupException.class, brainstem::checkStorage);
            assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        }
    }
}

package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.domain.signature.SignatureId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code brainstem mine FILE} mines what the server mines: the message after the syslog header (the server's
 * side of that is checked in {@code IngestServiceTest}); {@code --raw} mines the lines as they are.
 */
class BrainstemCliMineTest {

    private static final List<String> LINES = List.of(
            "<30>Nov 24 10:00:00 fw-01 charon[812]: tunnel to 10.0.0.1 up",
            "<13>1 2024-11-24T10:00:00Z host app - - [a@1 k=\"v\"] tunnel to 10.0.0.3 up",
            "<14>Nov 24 10:00:00 X4711",
            "not a syslog line at all");

    @TempDir
    Path dir;

    @Test
    void mineReadsTheSyslogHeaderAsTheServerDoes() throws IOException {
        List<String> output = mine("--tenant", "acme", file().toString());

        String tunnel = SignatureId.derive("acme", "tunnel to <*> up").value() + "\ttunnel to <*> up";
        assertEquals(List.of(tunnel, tunnel, SignatureId.derive("acme", "<empty>").value() + "\t<empty>",
                SignatureId.derive("acme", "not a syslog line at all").value() + "\tnot a syslog line at all"),
                output);
    }

    @Test
    void mineRawMinesTheLinesAsTheyAre() throws IOException {
        List<String> output = mine("--tenant", "acme", "--raw", file().toString());

        assertEquals(4, output.stream().map(line -> line.substring(0, line.indexOf('\t'))).distinct().count());
        assertEquals(SignatureId.derive("acme", "not a syslog line at all").value() + "\tnot a syslog line at all",
                output.get(3));
    }

    private Path file() throws IOException {
        return Files.write(dir.resolve("lines.log"), LINES, StandardCharsets.UTF_8);
    }

    private static List<String> mine(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            String[] all = new String[args.length + 1];
            all[0] = "mine";
            System.arraycopy(args, 0, all, 1, args.length);
            assertEquals(0, new CommandLine(new BrainstemCli()).execute(all));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.MemoryQueries.Digest;
import io.brainstem.bootstrap.cli.DigestText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code brainstem digest}: its options and its empty case (the full digest is in MemoryLoopAcrossRestartTest); a
 * command's error is one line.
 */
class BrainstemCliDigestTest {

    @Test
    void aBadSinceOrLimitIsAUsageErrorNamingTheOption() {
        for (String[] args : List.of(new String[] {"digest", "--since", "yesterday"},
                new String[] {"digest", "--limit", "0"})) {
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new BrainstemCli()).setErr(new PrintWriter(err));
            assertEquals(2, cli.execute(args), err.toString());
            assertTrue(err.toString().contains(args[1]), err.toString());
        }
    }

    @Test
    void aFileThatIsNotThereIsOneLineAndExitTwo() {
        StringWriter err = new StringWriter();
        CommandLine cli = BrainstemCli.commandLine().setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("mine", "/nonexistent/lines.log"));
        assertEquals("brainstem: cannot read /nonexistent/lines.log: no such file", err.toString().strip());
    }

    @Test
    void anEmptyDigestSaysSoInWords() {
        String text = DigestText.render(new Digest(Optional.empty(), Instant.parse("2026-03-21T08:00:00Z"), List.of()),
                Instant.parse("2026-03-22T08:00:00Z"));
        assertEquals("brainstem digest — all tenants, since 2026-03-21 08:00 UTC (24 h)\n\n"
                + "Nothing new or changed deserves a look.\n", text);
    }
}

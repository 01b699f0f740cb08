package io.brainstem.bench.mining;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.mining.MiningPreview;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;

/**
 * One phase of {@code brainstem mine} in a fresh JVM, without the CLI (no picocli, no Helidon logging), so
 * that {@code bench/drain3.sh --phases} can tell by difference of whole-process wall times where the time of
 * {@code mine} goes: JVM start-up, reading, the syslog header, mining, output.
 *
 * <p>Usage: {@code MinePhases MODE FILE}, MODE one of
 * <ul>
 *   <li>{@code start}: nothing (the JVM and this class);
 *   <li>{@code read}: read the lines;
 *   <li>{@code header}: read, and turn each line into its message as the CLI does without {@code --raw}
 *       ({@code Canonicalizer#messageToMine});
 *   <li>{@code mine}: read and mine as {@code mine --raw} does ({@code MiningPreview}), output formatted
 *       but not written (also printing the time at 16k, 100k and 500k lines);
 *   <li>{@code write}: the same, written to standard output through the writer {@code mine} uses;
 *   <li>{@code write-header}: {@code write} as {@code mine} without {@code --raw}.
 * </ul>
 * It prints the mode's in-process milliseconds to standard error.
 */
public final class MinePhases {

    private MinePhases() {
    }

    /** The lines, printing to standard error the milliseconds since {@code start} at 16k, 100k, 500k lines. */
    private static Iterable<String> timed(Iterable<String> lines, long start) {
        return () -> new Iterator<>() {
            private final Iterator<String> it = lines.iterator();
            private int count;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public String next() {
                count++;
                if (count == 16_000 || count == 100_000 || count == 500_000) {
                    System.err.printf("  %,d lines read and mined at %d ms%n", count,
                            (System.nanoTime() - start) / 1_000_000);
                }
                return it.next();
            }
        };
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MinePhases start|read|header|mine|write|write-header FILE");
            System.exit(2);
        }
        String mode = args[0];
        long start = System.nanoTime();
        long check = 0;
        TenantId tenant = TenantId.of("default");
        Instant now = Instant.now();
        if (!mode.equals("start")) {
            try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
                Iterable<String> lines = () -> in.lines().iterator();
                switch (mode) {
                    case "read" -> {
                        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                            check += it.next().length();
                        }
                    }
                    case "header" -> {
                        Canonicalizer canonicalizer = new Canonicalizer();
                        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                            check += canonicalizer.messageToMine(tenant, it.next(), now).length();
                        }
                    }
                    case "mine" -> {
                        long[] sum = new long[1];
                        MiningPreview.preview(tenant, timed(lines, start), line -> sum[0] += line.length());
                        check = sum[0];
                    }
                    case "write", "write-header" -> {
                        try (PrintWriter out = new PrintWriter(new BufferedWriter(
                                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16))) {
                            if (mode.equals("write")) {
                                MiningPreview.preview(tenant, lines, out::println);
                            } else {
                                Canonicalizer canonicalizer = new Canonicalizer();
                                MiningPreview.preview(tenant, lines,
                                        line -> canonicalizer.messageToMine(tenant, line, now), out::println);
                            }
                        }
                    }
                    default -> {
                        System.err.println("unknown mode " + mode);
                        System.exit(2);
                    }
                }
            }
        }
        System.err.printf("%s: %d ms in process (check %d)%n", mode, (System.nanoTime() - start) / 1_000_000,
                check);
    }
}

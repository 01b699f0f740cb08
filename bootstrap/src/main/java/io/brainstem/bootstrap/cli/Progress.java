package io.brainstem.bootstrap.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress display on a terminal (stderr); silent when output is not a terminal. */
public final class Progress {

    private final PrintStream out;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastPrint;

    public Progress(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    public static Progress onTerminal() {
        return new Progress(System.err, System.console() != null);
    }

    /**
     * @param done      items done so far
     * @param unit      what an item is ("lines", "envelopes")
     * @param fraction  0..1 when the total is known, else negative
     */
    public void update(long done, String unit, double fraction, boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastPrint < 500_000_000L) {
            return;
        }
        lastPrint = now;
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        double rate = done / seconds;
        String eta = "";
        if (fraction > 0 && fraction < 1) {
            long remaining = Math.round(seconds / fraction - seconds);
            eta = String.format(Locale.ROOT, ", %.0f%%, ETA %dm%02ds", fraction * 100, remaining / 60, remaining % 60);
        }
        out.printf(Locale.ROOT, "\r%,d %s, %,.0f/s%s   ", done, unit, rate, eta);
        out.flush();
    }

    public void finish(long done, String unit) {
        update(done, unit, -1, true);
        if (enabled) {
            out.println();
        }
    }
}

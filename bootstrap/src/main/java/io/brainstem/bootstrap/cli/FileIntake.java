package io.brainstem.bootstrap.cli;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.IngestEventsUseCase.Cursor;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.MessageCap;
import io.brainstem.domain.envelope.SourceType;
import io.brainstem.domain.envelope.TenantId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Optional;

/**
 * Reads a log file line by line into {@code file} envelopes through the ingest use case. Where it got
 * (byte offset per path and inode) is committed with each batch, so running again — or restarting a
 * follow — neither repeats nor skips a line. Following survives rotation: a new inode at the path is
 * read from its start once the old file is drained; a truncated file is read again from the start.
 */
public final class FileIntake {

    /**
     * How one intake is set up.
     *
     * @param maxLineBytes a longer line keeps its first bytes, the rest is skipped (never held) and the envelope
     *                     records the length it had ({@link MessageCap})
     */
    public record Options(Path path, TenantId tenant, String sourceId, DatabaseRef database, int batchSize,
            int threshold, boolean follow, long pollMillis, int maxLineBytes) {

        public Options(Path path, TenantId tenant, String sourceId, DatabaseRef database, int batchSize,
                int threshold, boolean follow, long pollMillis) {
            this(path, tenant, sourceId, database, batchSize, threshold, follow, pollMillis,
                    MessageCap.DEFAULT_MAX_BYTES);
        }
    }

    /** One line read: its text, and the length it had when only its start is kept (else 0). */
    private record Line(String text, long truncatedFrom) {
    }

    /** What an intake did. */
    public record Summary(long lines, long batches, long parseFailed) {
    }

    /** After the path names a new file, how long the old one is still drained before switching. */
    static final long ROTATION_GRACE_NANOS = 1_000_000_000L;

    private final IngestEventsUseCase ingest;
    private final CursorLookup cursors;
    private final Options options;
    private final Progress progress;
    private long lines;
    private long batches;
    private long parseFailed;

    /** Reads the committed position of a cursor key. */
    @FunctionalInterface
    public interface CursorLookup {
        Optional<Long> position(DatabaseRef db, String key);
    }

    public FileIntake(IngestEventsUseCase ingest, CursorLookup cursors, Options options, Progress progress) {
        this.ingest = ingest;
        this.cursors = cursors;
        this.options = options;
        this.progress = progress;
    }

    /** Runs until the end of the file, or — following — until {@code stop} says so. */
    public Summary run(BooleanSupplier stop) throws IOException, InterruptedException {
        Path path = options.path().toAbsolutePath().normalize();
        while (true) {
            Object inode;
            try {
                inode = inode(path);
            } catch (NoSuchFileException e) {
                if (!options.follow() || stop.getAsBoolean()) {
                    throw e;
                }
                Thread.sleep(options.pollMillis());
                continue;
            }
            String key = path + "#" + inode;
            long position = cursors.position(options.database(), key).orElse(0L);
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                boolean rotated = drain(channel, path, key, position, inode, stop);
                if (!rotated) {
                    progress.finish(lines, "lines");
                    return new Summary(lines, batches, parseFailed);
                }
            }
        }
    }

    private static Object inode(Path path) throws IOException {
        try {
            return Files.getAttribute(path, "unix:ino");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        }
    }

    /** Reads the channel from {@code position}; returns true when the path now names another file. */
    private boolean drain(FileChannel channel, Path path, String key, long position, Object inode,
            BooleanSupplier stop) throws IOException, InterruptedException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        List<Line> batch = new ArrayList<>(options.batchSize());
        LineBuffer partial = new LineBuffer(options.maxLineBytes());
        long pos = position;
        long committed = position;
        long rotatedSince = 0;
        channel.position(pos);
        while (true) {
            if (channel.size() < committed) { // truncated in place (copytruncate): start over
                pos = 0;
                committed = 0;
                partial.reset();
                channel.position(0);
            }
            buffer.clear();
            int read = channel.read(buffer);
            if (read > 0) {
                rotatedSince = rotatedSince == 0 ? 0 : System.nanoTime(); // still being written: extend grace
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    pos++;
                    if (b == '\n') {
                        Line line = partial.line();
                        partial.reset();
                        if (!line.text().isBlank()) { // an empty line carries no event
                            batch.add(line);
                        }
                        if (batch.size() >= options.batchSize()) {
                            commit(batch, key, pos);
                            committed = pos;
                            progress.update(lines, "lines", fraction(pos, channel.size()), false);
                        }
                    } else {
                        partial.write(b);
                    }
                }
                continue;
            }
            // at the end of what is there now
            long lineStart = pos - partial.size();
            if (!batch.isEmpty()) {
                commit(batch, key, lineStart);
                committed = lineStart;
                progress.update(lines, "lines", fraction(pos, channel.size()), false);
            }
            if (!options.follow()) {
                if (partial.size() > 0) { // a last line without newline
                    batch.add(partial.line());
                    commit(batch, key, pos);
                }
                return false;
            }
            if (stop.getAsBoolean()) {
                return false;
            }
            if (rotatedSince == 0 && rotatedAway(path, inode)) {
                rotatedSince = System.nanoTime(); // the writer may still append to the old file for a moment
            }
            if (rotatedSince != 0 && System.nanoTime() - rotatedSince > ROTATION_GRACE_NANOS) {
                if (partial.size() > 0) {
                    batch.add(partial.line());
                    commit(batch, key, pos);
                }
                return true;
            }
            Thread.sleep(options.pollMillis());
        }
    }

    private static double fraction(long pos, long size) {
        return size <= 0 ? -1 : Math.min(1.0, (double) pos / size);
    }

    private static boolean rotatedAway(Path path, Object inode) {
        try {
            return !inode(path).equals(inode);
        } catch (IOException e) {
            return false; // between rename and re-create: keep draining the old file
        }
    }

    private static String decode(byte[] bytes) {
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    private void commit(List<Line> batch, String key, long position) {
        List<EnvelopeContent> contents = new ArrayList<>(batch.size());
        String sourcePath = options.path().toAbsolutePath().normalize().toString();
        for (Line line : batch) {
            EnvelopeContent content = EnvelopeContent.builder(options.tenant()).sourceType(SourceType.FILE)
                    .sourceId(options.sourceId()).sourcePath(sourcePath).messageRaw(line.text()).build();
            contents.add(line.truncatedFrom() > 0 ? MessageCap.markTruncated(content, line.truncatedFrom()) : content);
        }
        var result = ingest.ingest(new IngestCommand(options.database(), contents, options.threshold(),
                Optional.of(new Cursor(key, position))));
        lines += batch.size();
        batches++;
        parseFailed += result.parseFailed();
        batch.clear();
    }

    /**
     * The bytes of the line being read, at most a few more than the cap (so that the cut can fall on a character
     * boundary): a line of any length costs bounded memory. {@link #size()} counts every byte of the line.
     */
    private static final class LineBuffer {
        private final int maxBytes;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private long size;

        LineBuffer(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        void write(byte b) {
            size++;
            if (kept.size() < maxBytes + 4) {
                kept.write(b);
            }
        }

        long size() {
            return size;
        }

        void reset() {
            kept.reset();
            size = 0;
        }

        Line line() {
            String text = decode(kept.toByteArray());
            return size > maxBytes ? new Line(MessageCap.cut(text, maxBytes), size) : new Line(text, 0);
        }
    }

    /** For tests: a supplier that is never true. */
    public static final BooleanSupplier NEVER = () -> false;

}

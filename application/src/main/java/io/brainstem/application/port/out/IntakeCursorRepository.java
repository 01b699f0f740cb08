package io.brainstem.application.port.out;

import java.util.Optional;

/**
 * How far an intake has got in a source it reads (e.g. a file by path and inode): saved in the same
 * transaction as the envelopes it covers, so a restart never repeats or skips a line.
 */
public interface IntakeCursorRepository {

    Optional<Long> position(String key);

    void save(String key, long position);
}

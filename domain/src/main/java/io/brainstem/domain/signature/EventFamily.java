package io.brainstem.domain.signature;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A coarse, deterministic category of what a signature is about. See {@link EventFamilyClassifier}. */
public enum EventFamily {
    VPN, LINK, AUTH, DISK, POWER, HARDWARE, CONFIG, SERVICE, SECURITY, GENERIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventFamily> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(key)).findFirst();
    }
}

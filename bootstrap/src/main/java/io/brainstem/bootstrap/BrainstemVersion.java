package io.brainstem.bootstrap;

/** The running version, from the jar manifest when packaged. */
public final class BrainstemVersion {

    private BrainstemVersion() {
    }

    public static String current() {
        String v = BrainstemVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}

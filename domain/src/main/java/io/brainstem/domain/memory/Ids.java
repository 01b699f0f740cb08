package io.brainstem.domain.memory;

/** FNV-1a over text, as hex: stable ids derived from what they name. */
final class Ids {

    private Ids() {
    }

    static String hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return String.format("%016x", h);
    }
}

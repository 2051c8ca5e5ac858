package fr.acta.simulator.vitam;

import java.security.SecureRandom;

/**
 * Identifiers in the shape of Vitam's GUIDs: 36 lowercase base32 characters whose first letters
 * tell the kind of object ({@code aeeaaaaaa…} operations, {@code aeaqaaaaa…} units,
 * {@code aebaaaaaa…} object groups, {@code aeaaaaaaa…} objects).
 */
final class VitamSimIds {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VitamSimIds() {
    }

    static String operation() {
        return guid("aeeaaaaaa");
    }

    static String request() {
        return guid("aeeaaaaaa");
    }

    static String unit() {
        return guid("aeaqaaaaa");
    }

    static String group() {
        return guid("aebaaaaaa");
    }

    static String object() {
        return guid("aeaaaaaaa");
    }

    private static String guid(String prefix) {
        StringBuilder s = new StringBuilder(prefix);
        while (s.length() < 36) {
            s.append(BASE32[RANDOM.nextInt(32)]);
        }
        return s.toString();
    }
}

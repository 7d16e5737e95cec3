package dev.dkm.sandbox;

import java.security.SecureRandom;

/** Random token strings with GitLab's prefixes ({@code glpat-}, {@code gldt-}). */
final class TokenGenerator {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenGenerator() {}

    static String personalAccessToken() {
        return "glpat-" + random(20);
    }

    static String deployToken() {
        return "gldt-" + random(20);
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}

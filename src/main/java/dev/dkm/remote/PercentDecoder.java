package dev.dkm.remote;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding for URL parts. Unlike {@link java.net.URLDecoder} it leaves {@code +} alone (a deploy token
 * user is {@code gitlab+deploy-token-7}) and keeps a malformed escape as written instead of throwing.
 */
final class PercentDecoder {
    private PercentDecoder() {}

    static String decode(String s) {
        if (s == null || s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int hi;
            int lo;
            if (bytes[i] == '%' && i + 2 < bytes.length
                    && (hi = Character.digit(bytes[i + 1], 16)) >= 0 && (lo = Character.digit(bytes[i + 2], 16)) >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

package io.brainstem.adapters.logicmonitor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * LogicMonitor's LMv1 request signature: {@code Authorization: LMv1 {accessId}:{signature}:{epochMillis}}, where the
 * signature is base64 of the lower-case hex of HMAC-SHA256(accessKey, verb + epochMillis + body + resourcePath),
 * the resource path being the one after {@code /santaba/rest}, without the query string.
 */
final class Lmv1Signature {

    private Lmv1Signature() {
    }

    static String signature(String accessKey, String verb, long epochMillis, String body, String resourcePath) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(accessKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((verb + epochMillis + body + resourcePath).getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest); // lower case
            return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    static String authorization(String accessId, String accessKey, String verb, long epochMillis, String body,
            String resourcePath) {
        return "LMv1 " + accessId + ":" + signature(accessKey, verb, epochMillis, body, resourcePath) + ":"
                + epochMillis;
    }
}

package org.reportplatform.contracts.access;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.GeneralSecurityException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Tokens for the services' tests, signed with a key pair made once per test JVM. The pair is kept in system
 * properties, which the test resource handing the public key to Quarkus and the tests signing tokens both see,
 * whatever class loader each runs in. No key is ever committed.
 */
public final class TestTokens {

    private static final String PRIVATE_KEY = "report-platform.test.jwt.private-key";
    private static final String PUBLIC_KEY = "report-platform.test.jwt.public-key";
    /** What the province-wide identity of a test that does not say otherwise may do: everything but report. */
    public static final List<Role> PROVINCE_WIDE = List.of(Role.REVIEWER, Role.PROVINCE, Role.ANALYST, Role.ADMIN);
    public static final String PROVINCE_REGION = "360000";

    private TestTokens() {
    }

    public static String reporter(String region) {
        return issue(region, List.of(Role.REPORTER));
    }

    public static String provinceWide() {
        return issue(PROVINCE_REGION, PROVINCE_WIDE);
    }

    public static String issue(String region, List<Role> roles) {
        return issuer().issue("test " + String.join("+", roles.stream().map(Role::groupName).toList()) + "@" + region,
                region, roles, Duration.ofHours(1));
    }

    public static TokenIssuer issuer() {
        try {
            return new TokenIssuer(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(keys()[0]))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as PEM, what mp.jwt.verify.publickey takes. */
    public static String publicKeyPem() {
        try {
            byte[] der = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(keys()[1]))).getEncoded();
            return TokenIssuer.pem("PUBLIC KEY", der);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String[] keys() {
        if (System.getProperty(PRIVATE_KEY) == null) {
            KeyPair pair = TokenIssuer.newKeyPair();
            System.setProperty(PRIVATE_KEY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(PUBLIC_KEY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        }
        return new String[] {System.getProperty(PRIVATE_KEY), System.getProperty(PUBLIC_KEY)};
    }
}

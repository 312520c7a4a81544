package org.reportplatform.intake.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.reportplatform.intake.config.IntakeConfig;

/**
 * SmallRye JWT's verification, done once per token (docs/adr/0021): a county system sends many forms with one token,
 * and the RS256 check costs more than the rest of a small request. A verified token is kept by the SHA-256 of its text
 * until its {@code exp}; any other text (another signature, other claims) is verified afresh, and an expired one too,
 * by SmallRye. The token's claims are read on every request all the same: caching changes none of the region checks.
 * The verification key is read once at start-up, so a key withdrawn by a restart leaves nothing in this cache.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Cache<String, JWTCallerPrincipal> verified;

    VerifiedTokens(IntakeConfig config) {
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.verifiedTokenCacheSize())
                .expireAfter(Expiry.<String, JWTCallerPrincipal>creating((hash, token) -> lifetimeLeft(token)))
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        String hash = sha256(token);
        JWTCallerPrincipal known = verified.getIfPresent(hash);
        if (known != null) {
            return known;
        }
        JWTCallerPrincipal checked = verifier.parse(token, authContextInfo);
        // a token verified within the clock skew after its exp is not kept: it is past its lifetime already
        if (!lifetimeLeft(checked).isNegative()) {
            verified.put(hash, checked);
        }
        return checked;
    }

    /** By the system clock, as SmallRye checks expiry: the application's clock may be pinned by tests. */
    private static Duration lifetimeLeft(JWTCallerPrincipal token) {
        return Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

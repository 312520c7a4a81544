package org.reportplatform.contracts.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs RS256 tokens with a local key pair: for the platform run on one machine, its demo and its tests. In
 * production the province's identity provider issues tokens; the services only ever hold the public key.
 *
 * <p>Usage: {@code TokenIssuer keys <dir>} writes {@code privateKey.pem} and {@code publicKey.pem} once;
 * {@code TokenIssuer token <privateKey.pem> <region> <role>[,<role>...] [<name>]} prints a token valid for a day.
 */
public final class TokenIssuer {

    /** Who issues and who may accept tokens: the same defaults as the services' mp.jwt.verify.* settings. */
    public static final String ISSUER = "https://report-platform.local";
    public static final String AUDIENCE = "report-platform";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    public TokenIssuer(PrivateKey key) {
        this.key = key;
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has RSA", e);
        }
    }

    /** Writes the pair as PEM: PKCS#8 private key, X.509 public key (what mp.jwt.verify.publickey.location reads). */
    public static void writePem(KeyPair pair, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path privateKey = directory.resolve("privateKey.pem");
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        privateKey.toFile().setReadable(false, false);
        privateKey.toFile().setReadable(true, true);
        Files.writeString(directory.resolve("publicKey.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    public static TokenIssuer fromPem(Path privateKeyPem) throws IOException {
        String base64 = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return new TokenIssuer(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(privateKeyPem + " is not a PKCS#8 RSA private key", e);
        }
    }

    /** A token for {@code name} speaking for {@code region} with {@code roles}, valid for {@code lifetime}. */
    public String issue(String name, String region, List<Role> roles, Duration lifetime) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", name);
        claims.put("upn", name);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put(Callers.REGION_CLAIM, region);
        claims.put("groups", roles.stream().map(Role::groupName).toList());
        return sign(claims);
    }

    /** Signs any claims: what tests use to forge expired, foreign or malformed tokens. */
    public String sign(Map<String, Object> claims) {
        try {
            String header = URL.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + URL.encodeToString(signature.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("keys")) {
            writePem(newKeyPair(), Path.of(args[1]));
        } else if (args.length >= 4 && args[0].equals("token")) {
            List<Role> roles = List.of(args[3].split(",")).stream()
                    .map(group -> Role.ofGroup(group.trim()).orElseThrow(() -> new IllegalArgumentException(
                            "unknown role " + group + "; roles: reporter, reviewer, province, analyst, admin")))
                    .toList();
            String name = args.length > 4 ? args[4] : args[3] + "@" + args[2];
            System.out.println(fromPem(Path.of(args[1])).issue(name, args[2], roles, Duration.ofDays(1)));
        } else {
            System.err.println("usage: TokenIssuer keys <dir> | token <privateKey.pem> <region> <role>[,<role>] [<name>]");
            System.exit(2);
        }
    }
}

package org.reportplatform.contracts.access;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Gives the service under test the public key of {@link TestTokens}. */
public class JwtTestKeys implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey", TestTokens.publicKeyPem());
    }

    @Override
    public void stop() {
    }
}

package org.reportplatform.dashboard;

import io.quarkus.test.common.QuarkusTestResource;
import org.reportplatform.contracts.access.JwtTestKeys;

/** Every Quarkus test of this module verifies tokens with the key TestTokens signs them with. */
@QuarkusTestResource(JwtTestKeys.class)
public class SignedTokens {
}

package org.reportplatform.contracts.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.contracts.problem.ProblemException;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * The caller of the current request, from its verified token. A token without a known region is refused: every rule
 * of who may read or write what is a rule about regions.
 */
@ApplicationScoped
public class Callers {

    /** The claim that names the region a token speaks for, a GB/T 2260 code. */
    public static final String REGION_CLAIM = "region";

    private final Instance<JsonWebToken> tokens;
    private final RegionRegistry regions;

    // through Instance: services without SmallRye JWT (indicator-service) have no token bean, and need none
    Callers(Instance<JsonWebToken> tokens, RegionRegistry regions) {
        this.tokens = tokens;
        this.regions = regions;
    }

    /** The caller of the request being served; only for endpoints that require authentication. */
    public Caller current() {
        JsonWebToken token = tokens.get();
        Object claim = token.getClaim(REGION_CLAIM);
        RegionCode region;
        try {
            region = RegionCode.of(String.valueOf(claim));
        } catch (IllegalArgumentException malformed) {
            throw forbidden("the token carries no region claim with a region code");
        }
        if (regions.find(region).isEmpty()) {
            throw forbidden("the token's region " + region + " is not a known region");
        }
        Set<Role> roles = new LinkedHashSet<>();
        token.getGroups().forEach(group -> Role.ofGroup(group).ifPresent(roles::add));
        return new Caller(token.getName(), region, roles);
    }

    public static ProblemException forbidden(String detail) {
        return forbidden(detail, null);
    }

    /** 403, saying why in English and in Chinese. */
    public static ProblemException forbidden(String detail, String detailZh) {
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403, detail).withChinese("无权访问", detailZh));
    }
}

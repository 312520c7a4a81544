package org.reportplatform.contracts.access;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * Signs in every request a test sends without an Authorization header of its own, as the caller a real client would
 * be: a POST of a submission as the reporter of the region in its body, anything else as a province-wide reviewer,
 * province and analyst. Tests of access control send their own tokens, or none.
 */
public class AuthenticatedRequests implements QuarkusTestBeforeEachCallback, Filter {

    /** A header a test sets to send a request without any token. */
    public static final String ANONYMOUS = "X-Test-Anonymous";

    private static final RegionRegistry REGIONS = RegionRegistry.load();
    private static final Pattern REGION = Pattern.compile("\"region\"\\s*:\\s*\"(\\d{6})\"");

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        // by name: each Quarkus restart brings a new class loader, and a second filter would sign anonymous requests
        if (RestAssured.filters().stream().noneMatch(f -> f.getClass().getName().equals(AuthenticatedRequests.class.getName()))) {
            RestAssured.filters(new AuthenticatedRequests());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        if (request.getHeaders().hasHeaderWithName(ANONYMOUS)) {
            request.removeHeader(ANONYMOUS);
        } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + tokenFor(request));
        }
        return context.next(request, response);
    }

    private static String tokenFor(FilterableRequestSpecification request) {
        Object body = request.getBody();
        if ("POST".equals(request.getMethod()) && request.getURI().matches(".*/api/v1/submissions/?(\\?.*)?")
                && body instanceof String json) {
            Matcher region = REGION.matcher(json);
            boolean known = region.find() && REGIONS.find(RegionCode.of(region.group(1))).isPresent();
            // a request for a region that does not exist is signed as any county: it must fail validation
            return TestTokens.reporter(known ? region.group(1) : "360722");
        }
        return TestTokens.provinceWide();
    }
}

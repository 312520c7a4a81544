package org.reportplatform.intake.rest;

import java.util.UUID;
import java.util.regex.Pattern;
import org.reportplatform.contracts.problem.ProblemException;

/** Resource ids in paths: a malformed id names nothing, so it is answered 404 like an unknown one. */
final class Ids {

    /** The canonical form only: UUID.fromString also takes odd spellings such as 1-2-3-4-5. */
    private static final Pattern UUID_FORMAT = Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private Ids() {
    }

    static UUID parse(String id, String notFound) {
        if (!UUID_FORMAT.matcher(id).matches()) {
            throw ProblemException.notFound(notFound);
        }
        return UUID.fromString(id);
    }
}

package org.reportplatform.intake.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.reportplatform.contracts.problem.ProblemException;

/** Counts a request body as it is read and stops at {@code intake.max-body-size}: the limit for chunked bodies. */
@Provider
public class StreamedBodyLimit implements ReaderInterceptor {

    private final BodySizeLimit limit;

    @Context
    HttpServerRequest request;

    StreamedBodyLimit(BodySizeLimit limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        CountingInputStream body = new CountingInputStream(context.getInputStream(), limit.maxBytes(request.path()));
        context.setInputStream(body);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // Jackson hands the stream's exception on wrapped in several ways; the stream knows what happened
            if (!body.exceeded()) {
                throw e;
            }
            // The rest of the body stays unread, so the connection cannot carry another request: close it once answered.
            request.response()
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(answered -> request.connection().close());
            throw new ProblemException(limit.problem(request.path()));
        }
    }

    /** Stops the parser mid-body. It may reach aroundReadFrom as itself or wrapped by Jackson: exceeded() decides. */
    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body over the limit", null);
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        private final long maxBytes;
        private long count;

        CountingInputStream(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        boolean exceeded() {
            return count > maxBytes;
        }

        private void count(int bytes) throws BodyTooLargeException {
            count += bytes;
            if (exceeded()) {
                throw new BodyTooLargeException();
            }
        }
    }
}

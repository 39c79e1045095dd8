package io.certtrail.platform.web;

import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over a limit before anything reads them: by the declared length at once, and
 * by counting for chunked bodies that do not declare one.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final String bulkPathPrefix;
    private final long maxBulkBytes;

    /**
     * @param maxBytes the limit for ordinary requests
     * @param bulkPathPrefix requests under this path are bulk uploads, streamed, with their own limit
     * @param maxBulkBytes the limit for bulk uploads
     */
    public RequestSizeLimitFilter(long maxBytes, String bulkPathPrefix, long maxBulkBytes) {
        this.maxBytes = maxBytes;
        this.bulkPathPrefix = bulkPathPrefix;
        this.maxBulkBytes = maxBulkBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = request.getRequestURI().startsWith(bulkPathPrefix) ? maxBulkBytes : this.maxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            ProblemWriter.write(
                    request, response, ErrorCode.PAYLOAD_TOO_LARGE, Text.of("problem.body-too-large", maxBytes));
            return;
        }
        String type = request.getContentType();
        boolean json = type != null
                && type.toLowerCase(java.util.Locale.ROOT).contains("json")
                && !request.getRequestURI().startsWith(bulkPathPrefix);
        chain.doFilter(new LimitedRequest(request, maxBytes, json), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final Utf8Check utf8;

        LimitedRequest(HttpServletRequest request, long maxBytes, boolean checkUtf8) {
            super(request);
            this.maxBytes = maxBytes;
            this.utf8 = checkUtf8 ? new Utf8Check() : null;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                        check(new byte[] {(byte) b}, 0, 1);
                    } else {
                        end();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = in.read(buffer, off, len);
                    if (n > 0) {
                        count(n);
                        check(buffer, off, n);
                    } else if (n < 0) {
                        end();
                    }
                    return n;
                }

                private void check(byte[] bytes, int off, int n) throws IOException {
                    if (utf8 != null) {
                        utf8.accept(bytes, off, n);
                    }
                }

                private void end() throws IOException {
                    if (utf8 != null) {
                        utf8.end();
                    }
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > maxBytes) {
                        throw new PayloadTooLargeException(maxBytes);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }

    /**
     * Strict UTF-8, checked as a JSON body is read: JSON parsers take overlong forms and encoded
     * surrogates as characters (found by {@code FuzzTest}: {@code C0 AF} read as "/"), so a body
     * that is not UTF-8 would otherwise be accepted with other text than was sent. The JDK's
     * decoder, reporting malformed input, across read boundaries.
     */
    static final class Utf8Check {
        private final java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        private java.nio.ByteBuffer pending = java.nio.ByteBuffer.allocate(0);
        private final java.nio.CharBuffer scratch = java.nio.CharBuffer.allocate(4096);

        void accept(byte[] bytes, int off, int n) throws IOException {
            java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(pending.remaining() + n);
            in.put(pending).put(bytes, off, n).flip();
            decode(in, false);
            pending = in.slice(); // an incomplete sequence at the end waits for the next bytes
        }

        private boolean ended;

        /** At the end of the body; readers may ask again after it. */
        void end() throws IOException {
            if (ended) {
                return;
            }
            ended = true;
            decode(pending, true);
            scratch.clear();
            if (decoder.flush(scratch).isError()) {
                throw new NotUtf8Exception();
            }
        }

        private void decode(java.nio.ByteBuffer in, boolean last) throws IOException {
            while (true) {
                scratch.clear();
                java.nio.charset.CoderResult result = decoder.decode(in, scratch, last);
                if (result.isError()) {
                    throw new NotUtf8Exception();
                }
                if (result.isUnderflow()) {
                    return;
                }
            }
        }
    }

    /** Thrown while reading a JSON body that is not UTF-8. */
    public static final class NotUtf8Exception extends IOException {
        static final Text TEXT = Text.of("problem.body-not-utf8");

        NotUtf8Exception() {
            super(TEXT.english());
        }
    }

    /** Thrown while reading a body that turns out larger than allowed. */
    public static final class PayloadTooLargeException extends IOException {
        final Text text;

        PayloadTooLargeException(long maxBytes) {
            this(Text.of("problem.body-too-large", maxBytes));
        }

        private PayloadTooLargeException(Text text) {
            super(text.english());
            this.text = text;
        }
    }
}

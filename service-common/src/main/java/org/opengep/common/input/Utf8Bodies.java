package org.opengep.common.input;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;

/**
 * A request body must be well-formed UTF-8 before anything reads it: a decoder that is lenient about overlong forms,
 * encoded surrogates or stray bytes would turn them into other characters (or U+FFFD) and store what the client never
 * sent. Java's UTF-8 decoder, set to report, refuses all of them.
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        ByteBuffer in = ByteBuffer.wrap(body);
        // a new decoder reports malformed input rather than replacing it; a body never has more chars than bytes
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, CharBuffer.allocate(body.length), true);
        if (result.isError()) {
            throw new InvalidInputException(List.of(new InputError("body", "not valid UTF-8: " + result.length()
                    + " malformed byte(s) at byte " + in.position() + "; overlong forms and encoded surrogates are refused")));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}

package org.opengep.common.input;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
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
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            int length = e instanceof MalformedInputException m ? m.getInputLength() : 1;
            throw new InvalidInputException(List.of(new InputError("body", "not valid UTF-8: " + length
                    + " malformed byte(s) near byte " + firstBad(body) + "; overlong forms and encoded surrogates are refused")));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** The offset of the first byte a strict decoder refuses, for the message. */
    private static int firstBad(byte[] body) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        var out = java.nio.CharBuffer.allocate(body.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }
}

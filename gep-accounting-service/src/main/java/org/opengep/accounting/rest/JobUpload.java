package org.opengep.accounting.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.opengep.common.problem.InputError;
import org.opengep.common.problem.InvalidInputException;

/**
 * A job's upload, read as the single-account operation reads each request: the elements of its JSON array, each as
 * the UTF-8 bytes that were sent (a number keeps every digit, and a national upload's 16 MB are neither decoded nor
 * encoded again before they are stored), then parsed on all cores. The warm-up reads its requests the same way.
 */
public final class JobUpload {

    private JobUpload() {}

    /** The elements of a JSON array of objects, read as a stream: a national job's megabytes are never held as one tree. */
    public static List<byte[]> elements(ObjectMapper json, byte[] body) throws IOException {
        List<byte[]> requests = new ArrayList<>();
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidInputException(List.of(new InputError("body", "a JSON array of account requests is expected")));
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw new InvalidInputException(List.of(new InputError("[" + requests.size() + "]",
                            "each element must be an account request object")));
                }
                int from = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int to = (int) parser.currentLocation().getByteOffset();
                requests.add(Arrays.copyOfRange(body, from, to));
            }
            if (parser.nextToken() != null) {
                throw new InvalidInputException(List.of(new InputError("body", "nothing may follow the array")));
            }
        }
        return requests;
    }

    /**
     * Every request as the single-account operation reads it, on all cores (a national upload is thousands). The first
     * unreadable one, by position, is the 400, whichever thread met it first. The list can be emptied slot by slot.
     */
    public static List<AccountRequest> parse(ObjectMapper json, List<byte[]> requests) {
        AccountRequest[] parsed = new AccountRequest[requests.size()];
        RuntimeException[] refusals = new RuntimeException[requests.size()];
        IntStream.range(0, requests.size()).parallel().forEach(i -> {
            try {
                parsed[i] = parse(json, requests.get(i), i);
            } catch (RuntimeException e) {
                refusals[i] = e;
            }
        });
        for (RuntimeException refusal : refusals) {
            if (refusal != null) {
                throw refusal;
            }
        }
        return Arrays.asList(parsed);
    }

    private static AccountRequest parse(ObjectMapper json, byte[] request, int index) {
        try {
            return json.readValue(request, AccountRequest.class);
        } catch (JsonMappingException e) {
            e.prependPath(null, index);
            throw new WebApplicationException(e, 400);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(new InputError("[" + index + "]", e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does no I/O
        }
    }
}

package org.opengep.common.problem;

/** A request body of a media type the operation does not read, or a Content-Type that is no media type at all (415). */
public class UnsupportedMediaTypeException extends TypedProblem {

    public UnsupportedMediaTypeException(String message) {
        super("unsupported-media-type", message, null);
    }

    @Override
    public int status() {
        return 415;
    }

    @Override
    public String title() {
        return "Unsupported media type";
    }
}

package org.opengep.accounting.engine.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the method catalogues shipped as data under {@code catalogue/}; {@code catalogue/index.txt}
 * lists them, one file name a line. Adding a method version is adding a file, not code.
 */
public final class CatalogueLoader {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private CatalogueLoader() {}

    public static List<IndicatorCatalogue> loadAll() {
        List<IndicatorCatalogue> catalogues = new ArrayList<>();
        for (String line : read("catalogue/index.txt").lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                catalogues.add(parse(read("catalogue/" + line.strip())));
            }
        }
        return catalogues;
    }

    static IndicatorCatalogue parse(String json) {
        try {
            return JSON.readValue(json, IndicatorCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("malformed catalogue", e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = CatalogueLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

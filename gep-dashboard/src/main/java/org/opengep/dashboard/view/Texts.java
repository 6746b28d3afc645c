package org.opengep.dashboard.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard's words in its two languages ({@code texts/zh.properties}, the default, and {@code texts/en.properties},
 * UTF-8). Templates read them as {@code t.key}; {@code TextsTest} holds the two files to the same keys and every key a
 * template uses to one of them.
 */
public final class Texts {

    public static final String CHINESE = "zh";
    public static final String ENGLISH = "en";

    private static final Map<String, Map<String, String>> BY_LANGUAGE = Map.of(CHINESE, load(CHINESE), ENGLISH, load(ENGLISH));

    private Texts() {}

    /** The language a request asked for (a cookie or a parameter): English when it says so, else Chinese. */
    public static String language(String asked) {
        return ENGLISH.equals(asked) ? ENGLISH : CHINESE;
    }

    public static Map<String, String> of(String language) {
        return BY_LANGUAGE.get(language(language));
    }

    static Map<String, String> load(String language) {
        String resource = "texts/" + language + ".properties";
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return Collections.unmodifiableMap(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

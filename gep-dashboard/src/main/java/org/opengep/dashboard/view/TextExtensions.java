package org.opengep.dashboard.view;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;

/** Words for a value in templates: {@code t.of('level_', region.level)} reads the key {@code level_COUNTY}. */
@TemplateExtension
public final class TextExtensions {

    private TextExtensions() {}

    /** The text of the key prefix + value, or the value itself when no text names it. */
    public static String of(Map<String, String> texts, String prefix, Object value) {
        String text = texts.get(prefix + value);
        return text != null ? text : String.valueOf(value);
    }
}

package org.opengep.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opengep.dashboard.auth.DashboardRoles;

/** Both languages say everything, and every word a template or page asks for exists. */
class TextsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        assertThat(Texts.of("en").keySet()).containsExactlyInAnyOrderElementsOf(Texts.of("zh").keySet());
        assertThat(Texts.of(null)).as("Chinese by default").isSameAs(Texts.of("zh"));
        assertThat(Texts.of("fr")).isSameAs(Texts.of("zh"));
    }

    @Test
    void everyKeyATemplateOrAPageUsesExists() throws IOException {
        Set<String> used = new HashSet<>(matches(TEMPLATES, "\\{t\\.([a-z_0-9]+)[}.]"));
        for (String prefix : matches(TEMPLATES, "t\\.of\\('([a-z_]+)'")) {
            assertThat(Texts.of("zh").keySet()).as("some key of " + prefix).anyMatch(k -> k.startsWith(prefix));
        }
        used.addAll(matches(SOURCES, "\\bt\\.get\\(\"([a-z_0-9]+)\"\\)"));
        used.addAll(matches(SOURCES, "texts\\(\\)\\.get\\(\"([a-z_0-9]+)\"\\)"));
        for (String prefix : matches(SOURCES, "(?:\\bt\\.get\\(|TextExtensions\\.of\\(t, )\"([a-z_]+_)\"")) {
            assertThat(Texts.of("zh").keySet()).as("some key of " + prefix).anyMatch(k -> k.startsWith(prefix));
        }
        for (String category : Set.of("PROVISIONING", "REGULATING", "CULTURAL")) {
            used.add("category_" + category);
        }
        for (String level : Set.of("NATION", "PROVINCE", "PREFECTURE", "COUNTY", "CUSTOM")) {
            used.add("level_" + level);
        }
        for (String error : Set.of("forbidden", "refused", "not_found", "bad_request", "unavailable")) {
            used.add("error_" + error);
            used.add("error_" + error + "_message");
        }
        DashboardRoles.OFFERED.forEach(role -> used.add("role_" + role));
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(Texts.of("zh").keySet()).containsAll(used);
    }

    private static Set<String> matches(Path root, String regex) throws IOException {
        Set<String> found = new HashSet<>();
        Pattern pattern = Pattern.compile(regex);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }
}

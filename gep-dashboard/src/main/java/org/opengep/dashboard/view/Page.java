package org.opengep.dashboard.view;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.opengep.dashboard.auth.SignedInUser;

/**
 * What every page shows besides its content: the words in the reader's language (cookie {@code gep-lang}, Chinese unless
 * it says {@code en}), the signed-in user and where the page is (for the language switch and the menu).
 */
@RequestScoped
public class Page {

    public static final String LANGUAGE_COOKIE = "gep-lang";

    @Inject
    CurrentVertxRequest request;

    @Inject
    SignedInUser user;

    public String language() {
        Cookie cookie = request.getCurrent().request().getCookie(LANGUAGE_COOKIE);
        return Texts.language(cookie == null ? null : cookie.getValue());
    }

    public Map<String, String> texts() {
        return Texts.of(language());
    }

    /** The template with the page's common data: {@code t} (words), {@code lang}, {@code user} and {@code back} (this page, for the language switch). */
    public TemplateInstance of(Template template) {
        String language = language();
        return template.instance()
                .data("t", Texts.of(language))
                .data("lang", language)
                .data("user", user)
                .data("back", URLEncoder.encode(request.getCurrent().request().uri(), StandardCharsets.UTF_8))
                .setLocale(Locale.forLanguageTag(language));
    }
}

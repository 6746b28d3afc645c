package org.opengep.accounting.service;

import java.math.BigDecimal;
import org.opengep.accounting.engine.account.GepResult.CategoryTotal;
import org.opengep.accounting.engine.catalogue.Category;

/** A computed account ready to be stored: its document, canonical inputs and the figures kept as columns. */
public record ComputedAccount(AccountDocument document, String documentJson, String inputsJson) {

    BigDecimal total(Category category) {
        return document.result().categories().stream().filter(c -> c.category() == category).map(CategoryTotal::value)
                .findFirst().orElse(BigDecimal.ZERO);
    }
}

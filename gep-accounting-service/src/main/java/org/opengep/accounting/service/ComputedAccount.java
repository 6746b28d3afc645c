package org.opengep.accounting.service;

import java.math.BigDecimal;
import org.opengep.accounting.engine.account.GepResult.CategoryTotal;
import org.opengep.accounting.engine.catalogue.Category;

/**
 * A computed account ready to be stored: its document and canonical inputs as the UTF-8 JSON that is stored (written
 * once, straight to bytes, and sent to PostgreSQL as they are), and the figures kept as columns.
 */
public record ComputedAccount(AccountDocument document, byte[] documentJson, byte[] inputsJson) {

    BigDecimal total(Category category) {
        return document.result().categories().stream().filter(c -> c.category() == category).map(CategoryTotal::value)
                .findFirst().orElse(BigDecimal.ZERO);
    }
}

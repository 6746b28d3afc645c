package org.opengep.accounting.engine.price;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opengep.accounting.engine.account.Amount;

/**
 * One price (元 per unit of a physical quantity) or formula parameter of a price set, with where it
 * comes from. Parameters may leave {@code priceYear} empty.
 */
public record PriceEntry(@Schema(maxLength = 64) String key, @Schema(multipleOf = 0.0000000001) BigDecimal value,
        @Schema(maxLength = Amount.UNIT_MAX_LENGTH) String unit, Integer priceYear, @Schema(maxLength = 500) String source) {}

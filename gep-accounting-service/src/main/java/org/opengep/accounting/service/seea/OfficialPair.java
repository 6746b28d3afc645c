package org.opengep.accounting.service.seea;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengep.accounting.engine.account.GepResult;
import org.opengep.accounting.engine.account.ValueRow;
import org.opengep.accounting.service.OfficialAccounts.OfficialAccount;

/** The official accounts of a region in an opening and a closing year, with their documents and value rows. */
record OfficialPair(OfficialYear opening, OfficialYear closing) {

    record OfficialYear(OfficialAccount account, GepResult result, Map<ValueRow, BigDecimal> values) {

        int year() {
            return account.year();
        }

        /** Extent by ecosystem type, km², as the account's extent table gives it. */
        Map<String, BigDecimal> extent() {
            Map<String, BigDecimal> extent = new LinkedHashMap<>();
            if (result.extent() != null) {
                result.extent().forEach(e -> extent.merge(e.ecosystemType(), e.areaKm2(), BigDecimal::add));
            }
            return extent;
        }
    }
}

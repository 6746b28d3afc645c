package org.opengep.accounting.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.opengep.accounting.engine.account.GepResult;
import org.opengep.accounting.engine.price.PriceEntry;

/** A stored account as the API returns it: identity, provenance and the full result. */
public record AccountDocument(UUID id, String regionCode, String regionName, int year, Provenance provenance, GepResult result) {

    /** Everything needed to reproduce the account. */
    public record Provenance(
            String methodVersion,
            UUID priceSetId,
            String priceSetName,
            int priceSetVersion,
            List<PriceEntry> priceOverrides,
            String inputsHash,
            String createdBy,
            OffsetDateTime createdAt) {}

    /** A stored account (or official figure) document back as a record. */
    public static AccountDocument read(ObjectMapper json, String document) {
        try {
            return json.readerFor(AccountDocument.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

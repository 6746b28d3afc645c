package org.opengep.accounting.engine.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.opengep.accounting.engine.catalogue.CatalogueLoader;
import org.opengep.accounting.engine.catalogue.IndicatorCatalogue;
import org.opengep.accounting.engine.price.PriceBook;
import org.opengep.accounting.engine.price.PriceEntry;

/** The shipped catalogue and built-in price set, read the way the service reads them. */
final class ReferencePrices {

    private record SetFile(String id, String name, String description, List<PriceEntry> prices, List<PriceEntry> parameters) {}

    private ReferencePrices() {}

    static IndicatorCatalogue catalogue() {
        return CatalogueLoader.loadAll().get(0);
    }

    static PriceBook book() {
        try (InputStream in = ReferencePrices.class.getClassLoader().getResourceAsStream("price-sets/reference-2010.json")) {
            SetFile set = new ObjectMapper().readValue(in, SetFile.class);
            return new PriceBook(set.id(), set.prices(), set.parameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.opengep.registry.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.security.Caller;
import org.opengep.registry.domain.Product;
import org.opengep.registry.domain.ProductValuation;
import org.opengep.registry.rules.Valuation.Choice;
import org.opengep.registry.rules.Valuation.PricedLine;
import org.opengep.registry.rules.Valuation;

/**
 * Values a verified product from its region's official GEP: the unit price of the product's indicator line in the
 * published figure times the verified quantity, recorded with the account, publication and price set it came from.
 * The accounting service is asked first, outside any transaction; the snapshot is then written in one.
 */
@ApplicationScoped
public class ValuationService {

    @Inject
    AccountingFacts accounting;

    public Optional<ProductValuation> value(UUID productId, Caller caller) {
        Optional<Product> found = Product.<Product>findByIdOptional(productId).filter(p -> ProductService.visible(p, caller));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Product product = found.get();
        requireVerified(product);
        int year = product.valuationYear();
        JsonNode figure = accounting.officialFigure(product.regionCode, year).orElseThrow(() -> new ConflictException("no-official-figure",
                "gep-accounting-service has no official GEP for " + product.regionCode + " in " + year + "; publish one first"));
        JsonNode indicator = StreamSupport.stream(figure.path("result").path("indicators").spliterator(), false)
                .filter(i -> product.indicator.equals(i.path("code").asText())).findFirst()
                .orElseThrow(() -> new ConflictException("indicator-not-in-figure", "the official GEP of " + product.regionCode + " in "
                        + year + " has no " + product.indicator));
        Choice choice = Valuation.choose(product.indicator, lines(indicator), product.valueLine, product.unit);

        return QuarkusTransaction.requiringNew().call(() -> {
            Product locked = Product.lockForUpdate(productId).orElseThrow();
            requireVerified(locked); // it may have changed while the accounting service was asked
            ProductValuation v = new ProductValuation();
            v.id = UUID.randomUUID();
            v.productId = locked.id;
            v.regionCode = locked.regionCode;
            v.year = year;
            v.methodVersion = figure.path("provenance").path("methodVersion").asText(figure.path("result").path("methodVersion").asText());
            v.indicator = locked.indicator;
            v.valueLine = choice.line().code();
            v.quantity = locked.verifiedQuantity;
            v.unit = locked.unit;
            v.lineUnit = choice.line().unit();
            v.unitFactor = choice.unitFactor();
            v.unitPrice = choice.line().unitPrice();
            v.priceUnit = choice.line().priceUnit();
            v.priceYear = choice.line().priceYear();
            v.priceKey = choice.line().priceKey();
            v.priceSource = choice.line().priceSource();
            v.value = Valuation.value(locked.verifiedQuantity, choice);
            v.accountId = UUID.fromString(figure.path("accountId").asText());
            v.publicationId = uuid(figure.path("publication").path("id"));
            v.publishedAt = figure.path("publication").hasNonNull("publishedAt")
                    ? OffsetDateTime.parse(figure.path("publication").path("publishedAt").asText()) : null;
            v.priceSetId = uuid(figure.path("provenance").path("priceSetId"));
            v.priceSetName = text(figure.path("provenance").path("priceSetName"));
            v.priceSetVersion = figure.path("provenance").hasNonNull("priceSetVersion") ? figure.path("provenance").path("priceSetVersion").asInt() : null;
            v.regionGep = decimal(figure.path("result").path("gep"));
            v.indicatorValue = decimal(indicator.path("value"));
            v.valuedBy = caller.name();
            v.valuedAt = OffsetDateTime.now();
            v.persist();
            return Optional.of(v);
        });
    }

    public Optional<ProductValuation> latest(UUID productId) {
        return ProductValuation.find("productId = ?1 order by valuedAt desc", productId).firstResultOptional();
    }

    /** The latest valuation of each of these products that has one, in one query (a page of a search). */
    public Map<UUID, ProductValuation> latestOf(Collection<UUID> productIds) {
        Map<UUID, ProductValuation> latest = new HashMap<>();
        if (productIds.isEmpty()) {
            return latest;
        }
        List<ProductValuation> found = ProductValuation.list("from ProductValuation v where v.productId in ?1 and v.valuedAt = "
                + "(select max(w.valuedAt) from ProductValuation w where w.productId = v.productId)", productIds);
        found.forEach(v -> latest.putIfAbsent(v.productId, v));
        return latest;
    }

    public List<ProductValuation> history(UUID productId) {
        return ProductValuation.list("productId = ?1 order by valuedAt desc", productId);
    }

    private static void requireVerified(Product p) {
        if (!p.status.isVerified()) {
            throw new ConflictException("product-not-verified", "only verified quantities are valued; this product is " + p.status);
        }
    }

    private static List<PricedLine> lines(JsonNode indicator) {
        List<PricedLine> lines = new ArrayList<>();
        indicator.path("lines").forEach(l -> lines.add(new PricedLine(text(l.path("code")), text(l.path("unit")),
                decimal(l.path("unitPrice")), text(l.path("priceUnit")),
                l.hasNonNull("priceYear") ? l.path("priceYear").asInt() : null, text(l.path("priceKey")), text(l.path("priceSource")))));
        return lines;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    private static UUID uuid(JsonNode node) {
        return node.isTextual() ? UUID.fromString(node.asText()) : null;
    }
}

package org.opengep.accounting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opengep.accounting.client.TradingClient;
import org.opengep.accounting.client.trading.model.RealisedValue;
import org.opengep.accounting.domain.Region;
import org.opengep.common.problem.ServiceUnavailableException;

/**
 * The value-realisation rate of a region and year (生态产品价值实现率): the trade value realised from the products of the
 * region and every region under it, as the trading service reports it, over the region's official GEP.
 */
@ApplicationScoped
public class ValueRealisation {

    /** The rate with what it is made of; money in 元. */
    public record Rate(String regionCode, int year, BigDecimal gep, BigDecimal realisedValue, BigDecimal rate,
            Map<String, BigDecimal> realisedByRightType, List<String> regionsOfOrigin, BigDecimal resaleValue) {}

    @Inject
    TradingClient trading;

    @Inject
    PublicationService publications;

    @Inject
    RegionService regions;

    @Inject
    ObjectMapper json;

    /** Empty when the region has no official GEP for the year; 503 when the trading service cannot answer. */
    public Optional<Rate> of(Region region, int year, String methodVersion) {
        Optional<BigDecimal> gep = publications.officialDocument(region.code, year, methodVersion, false).map(this::gep);
        if (gep.isEmpty()) {
            return Optional.empty();
        }
        List<RealisedValue> realised;
        try {
            realised = trading.realisedValue(year);
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("trading-unavailable", "trading-service did not answer ("
                    + e.getClass().getSimpleName() + "); the realised value is not known, retry later", e);
        }
        Map<String, BigDecimal> byRightType = new TreeMap<>();
        SortedSet<String> origins = new TreeSet<>();
        Map<String, Boolean> within = new HashMap<>(); // each region of origin is placed in the tree once
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal resales = BigDecimal.ZERO;
        for (RealisedValue row : realised) {
            if (within.computeIfAbsent(row.getRegionCode(), code -> isWithin(code, region.code))) {
                byRightType.merge(row.getRightType().toString(), row.getPrimaryValue(), BigDecimal::add);
                origins.add(row.getRegionCode());
                total = total.add(row.getPrimaryValue());
                resales = resales.add(row.getResaleValue());
            }
        }
        BigDecimal rate = gep.get().signum() == 0 ? null : total.divide(gep.get(), 8, RoundingMode.HALF_UP);
        return Optional.of(new Rate(region.code, year, gep.get(), total, rate, byRightType, List.copyOf(origins), resales));
    }

    /** Whether {@code code} is {@code ancestor} or lies under it in the region tree. */
    private boolean isWithin(String code, String ancestor) {
        for (String at = code; at != null; ) {
            if (at.equals(ancestor)) {
                return true;
            }
            at = regions.find(at).map(r -> r.parentCode).orElse(null);
        }
        return false;
    }

    private BigDecimal gep(byte[] document) {
        try {
            return json.readTree(document).path("result").path("gep").decimalValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.opengep.dashboard.view;

import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opengep.dashboard.client.trading.model.BookLevel;
import org.opengep.dashboard.client.trading.model.Listing;
import org.opengep.dashboard.client.trading.model.MarketDay;
import org.opengep.dashboard.client.trading.model.OrderBook;

/** One instrument of the trading centre: its daily candles and volume, and its order book now. */
@TemplateData
public record MarketView(InstrumentLine instrument, List<DayLine> days, List<Level> bids, List<Level> asks, String chart) {

    @TemplateData
    public record InstrumentLine(int id, String name, String unit, String status, String basePrice, String band, String tick, String lot) {

        public static InstrumentLine of(Listing listing, Map<String, String> t) {
            String name = TextExtensions.of(t, "right_", listing.getRightType()) + (listing.getVintage() == null ? "" : " " + listing.getVintage())
                    + (listing.getPollutant() == null ? "" : " " + listing.getPollutant());
            String band = listing.getListedBandToday() == null ? "—"
                    : Figures.yuan(listing.getListedBandToday().getLow()) + " – " + Figures.yuan(listing.getListedBandToday().getHigh());
            return new InstrumentLine(listing.getInstrumentId(), name, listing.getUnit(), listing.getStatus(), Figures.yuan(listing.getBasePrice()),
                    band, Figures.quantity(listing.getTick()), Figures.quantity(listing.getLot()));
        }
    }

    @TemplateData
    public record DayLine(String day, String open, String high, String low, String close, String volume, String amount) {}

    @TemplateData
    public record Level(String price, String quantity, int orders) {}

    public static MarketView of(Listing listing, List<MarketDay> marketDays, OrderBook book, Map<String, String> t) {
        List<MarketDay> traded = marketDays.stream().filter(d -> d.getOpen() != null).toList();
        List<DayLine> days = traded.stream().map(d -> new DayLine(String.valueOf(d.getDay()), Figures.yuan(d.getOpen()),
                Figures.yuan(d.getHigh()), Figures.yuan(d.getLow()), Figures.yuan(closeOf(d)), Figures.quantity(d.getVolume()),
                Figures.yuan(d.getAmount()))).toList();
        String chart = Charts.json(Charts.candles(t.get("unit_yuan") + "/" + listing.getUnit(),
                traded.stream().map(d -> String.valueOf(d.getDay())).toList(),
                traded.stream().map(d -> List.of(d.getOpen(), closeOf(d), d.getLow(), d.getHigh())).toList(),
                traded.stream().map(MarketDay::getVolume).toList(), t.get("volume")));
        return new MarketView(InstrumentLine.of(listing, t), days, levels(book == null ? null : book.getBids()),
                levels(book == null ? null : book.getAsks()), chart);
    }

    /** The day's close once the day is closed, else its last price so far. */
    private static BigDecimal closeOf(MarketDay day) {
        return day.getClose() != null ? day.getClose() : day.getLast();
    }

    private static List<Level> levels(List<BookLevel> levels) {
        return Objects.requireNonNullElse(levels, List.<BookLevel>of()).stream()
                .map(l -> new Level(Figures.yuan(l.getPrice()), Figures.quantity(l.getQuantity()), l.getOrders() == null ? 0 : l.getOrders()))
                .toList();
    }
}

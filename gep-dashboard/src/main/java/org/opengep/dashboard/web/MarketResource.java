package org.opengep.dashboard.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.opengep.dashboard.auth.DashboardRoles;
import org.opengep.dashboard.client.TradingClient;
import org.opengep.dashboard.view.MarketView;
import org.opengep.dashboard.view.Page;
import org.opengep.dashboard.view.Times;

/** The trading centre: its instruments, and per instrument the daily market data (candles and volume) and the order book. */
@Path("/market")
@RolesAllowed({DashboardRoles.MARKET_READER, DashboardRoles.AUDITOR, DashboardRoles.TRADING_OPERATOR})
@Produces(MediaType.TEXT_HTML)
public class MarketResource {

    /** How far back the candles go. */
    static final int DAYS = 90;

    @Inject
    TradingClient trading;

    @Inject
    Page page;

    @Inject
    Template market;

    @Inject
    Template instrument;

    @GET
    public TemplateInstance instruments() {
        return page.of(market).data("instruments", trading.instruments().stream().map(i -> MarketView.InstrumentLine.of(i, page.texts())).toList());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance instrument(@PathParam("id") int id) {
        LocalDate today = LocalDate.now(Times.CHINA);
        return page.of(instrument).data("view", trading.instrument(id)
                .map(listing -> MarketView.of(listing, trading.marketData(id, today.minusDays(DAYS), today.plusDays(1)),
                        trading.book(id).orElse(null), page.texts()))
                .orElseThrow(NotFoundException::new));
    }
}

package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Roles;
import org.opengep.trading.config.MarketRules;
import org.opengep.trading.ledger.Instrument;
import org.opengep.trading.ledger.Units;
import org.opengep.trading.market.Fill;
import org.opengep.trading.market.FillMode;
import org.opengep.trading.market.Listing;
import org.opengep.trading.market.Money;
import org.opengep.trading.rest.CentreViews.FillView;
import org.opengep.trading.rest.CentreViews.LargeHolder;
import org.opengep.trading.rest.CentreViews.LargeHolders;
import org.opengep.trading.rest.CentreViews.Statement;
import org.opengep.trading.rest.CentreViews.StatementUnits;
import org.opengep.trading.store.FillStore;
import org.opengep.trading.store.InstrumentStore;

/** Surveillance and statements: a participant's daily statement, and the large-holder report of an instrument. */
@ApplicationScoped
public class Statements {

    @Inject
    DataSource dataSource;

    @Inject
    FillStore fills;

    @Inject
    InstrumentStore instruments;

    @Inject
    ListingService listings;

    @Inject
    MarketRules rules;

    /**
     * A participant's day: cash (available and frozen) at the opening and the close, deposits and withdrawals,
     * fills with what it bought, sold and paid in fees, and for every instrument it held the units (available,
     * pending, pledged and frozen) at the opening and the close.
     */
    public Statement of(UUID participant, LocalDate day, Caller caller) {
        caller.requireSees(participant, Roles.Trading.ACROSS_HOLDERS);
        OffsetDateTime start = day.atStartOfDay(rules.zone()).toOffsetDateTime();
        OffsetDateTime end = day.plusDays(1).atStartOfDay(rules.zone()).toOffsetDateTime();
        return Transactions.jdbc(dataSource, c -> {
            long opening;
            long closing;
            try (PreparedStatement s = c.prepareStatement("select coalesce(sum(fen) filter (where trading_day < ?), 0), coalesce(sum(fen), 0) "
                    + "from cash_entry where participant_id = ? and trading_day <= ?")) {
                s.setObject(1, day);
                s.setObject(2, participant);
                s.setObject(3, day);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    opening = rs.getLong(1);
                    closing = rs.getLong(2);
                }
            }
            long deposits = 0;
            long withdrawals = 0;
            try (PreparedStatement s = c.prepareStatement("select kind, sum(fen) from cash_transfer where participant_id = ? and trading_day = ? group by 1")) {
                s.setObject(1, participant);
                s.setObject(2, day);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1).equals("DEPOSIT")) {
                            deposits = rs.getLong(2);
                        } else {
                            withdrawals = rs.getLong(2);
                        }
                    }
                }
            }
            List<Fill> theDay = fills.tape(c, null, day, participant, 100_000);
            long bought = 0;
            long sold = 0;
            long[] onPlatforms = new long[2]; // bought, sold: the cash moved on the platform, not in this account
            long fees = 0;
            Map<Integer, long[]> moved = new HashMap<>();
            List<FillView> views = new ArrayList<>();
            for (Fill f : theDay) {
                boolean buyer = f.buyerId().equals(participant);
                if (f.mode() == FillMode.PLATFORM) {
                    onPlatforms[buyer ? 0 : 1] += f.amountFen();
                } else {
                    bought += buyer ? f.amountFen() : 0;
                    sold += buyer ? 0 : f.amountFen();
                }
                fees += buyer ? f.buyerFeeFen() : f.sellerFeeFen();
                moved.computeIfAbsent(f.instrumentId(), k -> new long[2])[buyer ? 0 : 1] += f.units();
                views.add(FillView.of(f, instruments.byId(c, f.instrumentId())));
            }
            List<StatementUnits> units = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select instrument_id, coalesce(sum(units) filter (where at < ?), 0), sum(units) from journal_entry "
                    + "where holder_id = ? and at < ? and bucket in ('AVAILABLE', 'PENDING', 'PLEDGED', 'FROZEN') group by 1 order by 1")) {
                s.setObject(1, start);
                s.setObject(2, participant);
                s.setObject(3, end);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Instrument i = instruments.byId(c, rs.getInt(1));
                        long[] m = moved.getOrDefault(rs.getInt(1), new long[2]);
                        if (rs.getLong(2) != 0 || rs.getLong(3) != 0 || m[0] != 0 || m[1] != 0) {
                            units.add(new StatementUnits(rs.getInt(1), i.toString(), Units.quantity(rs.getLong(2), i.rightType()),
                                    Units.quantity(m[0], i.rightType()), Units.quantity(m[1], i.rightType()), Units.quantity(rs.getLong(3), i.rightType())));
                        }
                    }
                }
            }
            return new Statement(participant, day, Money.yuan(opening), Money.yuan(deposits), Money.yuan(withdrawals), Money.yuan(bought), Money.yuan(sold),
                    Money.yuan(fees), Money.yuan(closing), Money.yuan(onPlatforms[0]), Money.yuan(onPlatforms[1]), units, views);
        });
    }

    /** The statement as CSV: a summary line per figure, then one line per instrument and one per fill. */
    public static String csv(Statement s) {
        StringBuilder out = new StringBuilder("section,item,value\n");
        String[][] summary = {{"openingCash", s.openingCash().toPlainString()}, {"deposits", s.deposits().toPlainString()},
            {"withdrawals", s.withdrawals().toPlainString()}, {"bought", s.bought().toPlainString()}, {"sold", s.sold().toPlainString()},
            {"fees", s.fees().toPlainString()}, {"closingCash", s.closingCash().toPlainString()},
            {"boughtOnPlatforms", s.boughtOnPlatforms().toPlainString()}, {"soldOnPlatforms", s.soldOnPlatforms().toPlainString()}};
        for (String[] line : summary) {
            out.append("cash,").append(line[0]).append(',').append(line[1]).append('\n');
        }
        out.append("\ninstrumentId,instrument,opening,bought,sold,closing\n");
        for (StatementUnits u : s.units()) {
            out.append(u.instrumentId()).append(",\"").append(u.instrument()).append("\",").append(u.opening().toPlainString()).append(',')
                    .append(u.bought().toPlainString()).append(',').append(u.sold().toPlainString()).append(',').append(u.closing().toPlainString()).append('\n');
        }
        out.append("\nfillId,instrumentId,mode,side,quantity,price,amount,fee,status,at\n");
        for (FillView f : s.fills()) {
            boolean buyer = f.buyerId().equals(s.participantId());
            out.append(f.id()).append(',').append(f.instrumentId()).append(',').append(f.mode()).append(',').append(buyer ? "BUY" : "SELL").append(',')
                    .append(f.quantity().toPlainString()).append(',').append(f.price().toPlainString()).append(',').append(f.amount().toPlainString()).append(',')
                    .append((buyer ? f.buyerFee() : f.sellerFee()).toPlainString()).append(',').append(f.status()).append(',').append(f.at()).append('\n');
        }
        return out.toString();
    }

    /** Holders of at least the listing's large-holder threshold, largest first. */
    public LargeHolders largeHolders(int instrumentId) {
        Listing listing = listings.get(instrumentId);
        if (listing.largeHolderThreshold() == null) {
            throw new ConflictException("no-large-holder-threshold", listing.instrument() + " has no large-holder threshold");
        }
        var type = listing.instrument().rightType();
        return Transactions.jdbc(dataSource, c -> {
            List<LargeHolder> holders = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select holder_id, available + pending + pledged + frozen held from balance where instrument_id = ? "
                    + "and available + pending + pledged + frozen >= ? order by held desc, holder_id")) {
                s.setInt(1, instrumentId);
                s.setLong(2, listing.largeHolderThreshold());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        holders.add(new LargeHolder(rs.getObject(1, UUID.class), Units.quantity(rs.getLong(2), type)));
                    }
                }
            }
            return new LargeHolders(instrumentId, Units.quantity(listing.largeHolderThreshold(), type), holders);
        });
    }

}

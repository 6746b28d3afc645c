package org.opengep.trading.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengep.trading.rest.TradingFixtures.REGISTRY;
import static org.opengep.trading.rest.TradingFixtures.auditor;
import static org.opengep.trading.rest.TradingFixtures.post;
import static org.opengep.trading.rest.TradingFixtures.reconciliationIsClean;
import static org.opengep.trading.rest.TradingFixtures.sync;
import static org.opengep.trading.rest.TradingFixtures.trade;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengep.testsupport.PostgresTestResource;
import org.opengep.trading.client.RegistryStubResource;

/**
 * Each kind of drift, made with SQL behind the service's back (or by a registry that changed its mind), is reported by
 * the reconciliation or the journal's verification, naming what and where; put back, everything is clean again. A
 * reconciliation that always said "clean" fails here.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RegistryStubResource.class)
class DriftTest {

    @Inject
    DataSource dataSource;

    private UUID seller;
    private UUID buyer;
    private UUID product;
    private UUID issuance;

    /** A seller with 100 units of a product of its own (serials 1..100) that sold 40 of them. */
    @BeforeEach
    void aSellerWhoSoldSome() throws SQLException {
        seller = UUID.randomUUID();
        buyer = UUID.randomUUID();
        product = REGISTRY.issue(seller, "FOREST_CARBON_SINK", 2024, 100);
        sync();
        post(seller, trade(seller, buyer, 40)).then().statusCode(201);
        issuance = UUID.fromString(db().value("select issuance_id from issuance_import where product_id = '" + product + "'"));
        reconciliationIsClean();
    }

    private BehindTheService db() {
        return new BehindTheService(dataSource);
    }

    private static List<String> drift() {
        JsonPath r = auditor().get("/api/v1/reconciliation").then().statusCode(200).extract().jsonPath();
        assertThat(r.getBoolean("clean")).isFalse();
        return r.getList("drift");
    }

    private static JsonPath brokenLink() {
        JsonPath v = auditor().get("/api/v1/journal/verification").then().statusCode(200).extract().jsonPath();
        assertThat(v.getBoolean("intact")).isFalse();
        return v.setRootPath("firstBroken");
    }

    private String sellersBlock() throws SQLException {
        return db().value("select id from holding where holder_id = '" + seller + "' and held_until is null");
    }

    @Test
    void aBalanceChanged() throws SQLException {
        db().whileChanged("update balance set available = available + 5 where holder_id = '" + seller + "'",
                "update balance set available = available - 5 where holder_id = '" + seller + "'", () ->
                assertThat(drift()).anyMatch(d -> d.contains("issued") && d.contains("balances hold"))
                        .anyMatch(d -> d.startsWith(seller + " instrument ") && d.contains("AVAILABLE: blocks hold 60 units, the balance 65")));
        reconciliationIsClean();
    }

    @Test
    void aBlockRemoved() throws SQLException {
        String block = sellersBlock();
        db().whileChanged(List.of("create table drift_holding as select * from holding where id = " + block, "delete from holding where id = " + block),
                List.of("insert into holding select * from drift_holding", "drop table drift_holding"), () ->
                assertThat(drift()).anyMatch(d -> d.startsWith("issuance " + issuance + ": 100 units issued, live blocks hold 40")));
        reconciliationIsClean();
    }

    @Test
    void twoBlocksOverlap() throws SQLException {
        String later = db().value("select id from holding where issuance_id = '" + issuance + "' and held_until is null "
                + "order by serial_start desc limit 1");
        String prefix = db().value("select serial_prefix from holding where id = " + later);
        long start = Long.parseLong(db().value("select serial_start from holding where id = " + later));
        db().whileChanged("update holding set serial_start = serial_start - 1 where id = " + later,
                "update holding set serial_start = serial_start + 1 where id = " + later, () ->
                assertThat(drift()).anyMatch(d -> d.equals("serials " + prefix + "-" + (start - 1) + " overlap a block ending at " + (start - 1)))
                        .anyMatch(d -> d.startsWith("issuance " + issuance + ": 100 units issued, live blocks hold 101")));
        reconciliationIsClean();
    }

    @Test
    void aJournalEntryEdited() throws SQLException {
        String entry = db().value("select id from journal_entry where holder_id = '" + seller + "' and chain_seq = 1");
        db().whileChanged("update journal_entry set units = units + 1 where id = " + entry,
                "update journal_entry set units = units - 1 where id = " + entry, () -> {
                    JsonPath broken = brokenLink();
                    assertThat(broken.getLong("entryId")).isEqualTo(Long.parseLong(entry));
                    assertThat(broken.getString("holderId")).isEqualTo(seller.toString());
                    assertThat(broken.getString("found")).isNotEqualTo(broken.getString("expected"));
                });
        reconciliationIsClean();
    }

    @Test
    void aJournalEntryInserted() throws SQLException {
        long last = Long.parseLong(db().value("select max(chain_seq) from journal_entry where holder_id = '" + seller + "'"));
        db().whileChanged("insert into journal_entry (movement_id, holder_id, instrument_id, bucket, units, chain_seq, at, prev_hash, hash) "
                + "select gen_random_uuid(), holder_id, instrument_id, bucket, 1000, chain_seq + 1, at, hash, sha256(hash) "
                + "from journal_entry where holder_id = '" + seller + "' and chain_seq = " + last,
                "delete from journal_entry where holder_id = '" + seller + "' and chain_seq = " + (last + 1), () -> {
                    JsonPath broken = brokenLink();
                    assertThat(broken.getString("holderId")).isEqualTo(seller.toString());
                    assertThat(broken.getLong("chainSeq")).isEqualTo(last + 1);
                });
        reconciliationIsClean();
    }

    @Test
    void aJournalEntryDeletedFromTheMiddleOrTheEnd() throws SQLException {
        long last = Long.parseLong(db().value("select max(chain_seq) from journal_entry where holder_id = '" + seller + "'"));
        assertThat(last).isGreaterThanOrEqualTo(2);
        for (long seq : new long[] {1, last}) {
            String where = " where holder_id = '" + seller + "' and chain_seq = " + seq;
            String entry = db().value("select id from journal_entry" + where);
            db().whileChanged(List.of("create table drift_journal as select * from journal_entry" + where, "delete from journal_entry" + where),
                    List.of("insert into journal_entry select * from drift_journal", "drop table drift_journal"), () -> {
                        JsonPath broken = brokenLink();
                        assertThat(broken.getString("holderId")).as("entry %s (seq %d) deleted", entry, seq).isEqualTo(seller.toString());
                        // from the middle the next entry no longer links up; from the end the balance's head names an entry that is gone
                        assertThat(broken.getLong("chainSeq")).isEqualTo(seq == 1 ? 2 : last - 1);
                    });
            reconciliationIsClean();
        }
    }

    @Test
    void anIssuanceTheRegistryDoesNotHave() {
        Runnable putBack = REGISTRY.tamper(issuance, item -> null);
        try {
            assertThat(drift()).anyMatch(d -> d.startsWith("issuance " + issuance + " (feed position ")
                    && d.endsWith("the ledger imported 100 units (serials 1..100) to holder " + seller + "; the registry has no such issuance"));
        } finally {
            putBack.run();
        }
        reconciliationIsClean();
    }

    @Test
    void anIssuanceOfAnotherQuantityOrHolderAtTheRegistry() {
        UUID other = UUID.randomUUID();
        for (UnaryOperator<String> change : List.<UnaryOperator<String>>of(
                item -> item.replace("\"serialEnd\":100", "\"serialEnd\":90").replace("\"quantity\":100", "\"quantity\":90"),
                item -> item.replace(seller.toString(), other.toString()))) {
            Runnable putBack = REGISTRY.tamper(issuance, change);
            try {
                assertThat(drift()).anyMatch(d -> d.startsWith("issuance " + issuance) && d.contains("the registry issued ")
                        && d.endsWith(", the ledger imported 100 units (serials 1..100) to holder " + seller));
            } finally {
                putBack.run();
            }
        }
        reconciliationIsClean();
    }

    @Test
    void anIssuanceTheLedgerDoesNotHave() throws SQLException {
        String where = " where issuance_id = '" + issuance + "'";
        db().whileChanged(List.of("create table drift_import as select * from issuance_import" + where, "delete from issuance_import" + where),
                List.of("insert into issuance_import select * from drift_import", "drop table drift_import"), () ->
                assertThat(drift()).anyMatch(d -> d.startsWith("issuance " + issuance + " (feed position ")
                        && d.endsWith("the registry issued 100 units (serials 1..100) to holder " + seller + "; the ledger has no such issuance")));
        reconciliationIsClean();
    }
}

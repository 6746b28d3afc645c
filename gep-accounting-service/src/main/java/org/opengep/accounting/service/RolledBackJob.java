package org.opengep.accounting.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.opengep.accounting.rest.AccountRequest;

/**
 * A national job run through the job path itself and then undone: its items stored, its chunks claimed, computed, stored,
 * published and marked done, the job finished, and the region tree summed over its figures, all in one transaction on
 * temporary tables that shadow the tables a job writes. The transaction is rolled back, which drops them: nothing reaches
 * the real tables, no notification leaves (pg_notify is sent on commit), and no dead rows are left for autovacuum. The
 * warm-up uses it so that the JIT has compiled storing, publishing and sums over real figures before the service reports
 * ready.
 */
@ApplicationScoped
public class RolledBackJob {

    /** The tables a job writes. PostgreSQL looks a name up among the session's temporary tables first. */
    static final List<String> SHADOWED = List.of("gep_account", "gep_account_value", "gep_publication", "gep_account_job",
            "gep_account_job_item");

    @Inject
    TransactionManager transactions;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JobService jobs;

    @Inject
    RegionFigures figures;

    @Inject
    ObjectMapper json;

    /** What a rolled-back job went through: accounts it stored, sums up the tree, and the nation's sum of their GEP. */
    public record Outcome(int stored, int sums, BigDecimal nationGep) {}

    /**
     * Runs a job of {@code requests} (as uploaded; {@code parsed} is their reading, emptied as chunks are claimed), then
     * sums every region of {@code parents} from its children in {@code year}, and rolls it all back.
     */
    public Outcome run(List<byte[]> requests, List<AccountRequest> parsed, int year, String method, List<String> parents)
            throws IOException {
        begin();
        try {
            shadowTables();
            UUID job = jobs.create(requests, true, "warm-up (rolled back)", null, "warm-up");
            while (jobs.processChunk(job, parsed)) {
                // every chunk, as the job's workers claim them
            }
            BigDecimal nation = BigDecimal.ZERO;
            TreeFigures tree = figures.tree(year, method); // read inside the transaction: the job's figures, never kept
            for (String parent : parents) {
                RegionFigures.ChildrenSum sum = figures.sumOfChildren(tree, parent, year, method).orElseThrow();
                json.writeValueAsBytes(sum);
                if (parent.equals(RegionService.NATION)) {
                    nation = sum.gep();
                }
            }
            return new Outcome(storedAccounts(), parents.size(), nation);
        } finally {
            rollback();
        }
    }

    /**
     * Creates the temporary tables inside the transaction (its rollback drops them) and checks that the names now find
     * them: were a name to find a real table, the job's rows would be written to it until the rollback.
     */
    private void shadowTables() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : SHADOWED) {
                s.execute("create temporary table " + table + " (like public." + table + " including all)");
                try (ResultSet rs = s.executeQuery("select relpersistence from pg_class where oid = '" + table + "'::regclass")) {
                    if (!rs.next() || !"t".equals(rs.getString(1))) {
                        throw new IllegalStateException(table + " does not name the temporary table; the warm-up stores nothing");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the warm-up's temporary tables", e);
        }
    }

    private int storedAccounts() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from gep_account")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void begin() {
        try {
            transactions.begin();
        } catch (Exception e) {
            throw new IllegalStateException("could not begin the warm-up's transaction", e);
        }
    }

    private void rollback() {
        try {
            transactions.rollback();
        } catch (Exception e) {
            throw new IllegalStateException("could not roll the warm-up's job back", e);
        }
    }

    /**
     * Requests for every unit of {@code codes}: the bundled ones in turn, each under the next unit's code, with every input
     * scaled by its own factor between 0.9 and 1 (seeded by the unit's position). Real uploads' numbers differ in digits
     * and scale from unit to unit; with four sets of numbers repeated, the JIT compiled BigDecimal's and the driver's
     * arithmetic for the branches those take, and the first national run after a start deoptimised and compiled them again.
     * Scaling down keeps fractions at most 1 and a ratio between two inputs within a tenth of the bundled one.
     */
    static List<byte[]> requestsFor(ObjectMapper json, List<JsonNode> bundled, List<String> codes) throws IOException {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            ObjectNode request = bundled.get(i % bundled.size()).deepCopy();
            varyInputs(request, new Random(i));
            request.put("regionCode", codes.get(i));
            requests.add(json.writeValueAsBytes(request));
        }
        return requests;
    }

    /** Every number below {@code node} but years, scaled by a factor of its own in [0.9, 1]: whole numbers stay whole. */
    private static void varyInputs(JsonNode node, Random random) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (!value.isNumber()) {
                    varyInputs(value, random);
                } else if (!field.getKey().equals("year") && !field.getKey().equals("priceYear")) {
                    BigDecimal scaled = value.decimalValue().multiply(BigDecimal.valueOf(0.9 + random.nextDouble() / 10));
                    field.setValue(value.isIntegralNumber() ? LongNode.valueOf(scaled.longValue())
                            : DecimalNode.valueOf(scaled.setScale(4, RoundingMode.HALF_EVEN)));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> varyInputs(element, random));
        }
    }
}

package org.opengep.accounting.engine.seea;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengep.accounting.engine.seea.ExtentAccount.Change;
import org.opengep.accounting.engine.seea.ExtentAccount.Result;
import org.opengep.accounting.engine.seea.ExtentAccount.Row;

class ExtentAccountTest {

    private static Map<String, BigDecimal> extent(Object... typeAndArea) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < typeAndArea.length; i += 2) {
            m.put((String) typeAndArea[i], new BigDecimal(typeAndArea[i + 1].toString()));
        }
        return m;
    }

    private static Change change(String from, String to, String area) {
        return new Change(from, to, new BigDecimal(area));
    }

    private static final Map<String, BigDecimal> OPENING = extent("FOREST", 100, "FARMLAND", 50);
    private static final Map<String, BigDecimal> CLOSING = extent("FOREST", 105, "FARMLAND", 30, "URBAN", 15);
    /** Forest gains 7 km² of farmland and loses 2 to urban; farmland loses 13 to urban. */
    private static final List<Change> MATRIX = List.of(change("FOREST", "FOREST", "98"), change("FOREST", "URBAN", "2"),
            change("FARMLAND", "FOREST", "7"), change("FARMLAND", "FARMLAND", "30"), change("FARMLAND", "URBAN", "13"));

    @Test
    void aChangeMatrixGivesGrossAdditionsAndReductions() {
        Result r = ExtentAccount.of(OPENING, CLOSING, MATRIX);
        assertThat(r.gross()).isTrue();
        Row forest = r.rows().get(0);
        assertThat(forest.additions()).isEqualByComparingTo("7");
        assertThat(forest.reductions()).isEqualByComparingTo("2");
        assertThat(forest.netChange()).isEqualByComparingTo("5");
        Row urban = r.rows().get(2);
        assertThat(urban.opening()).isEqualByComparingTo("0");
        assertThat(urban.additions()).isEqualByComparingTo("15");
        assertThat(r.total().opening()).isEqualByComparingTo("150");
        assertThat(r.total().closing()).isEqualByComparingTo("150");
        assertThat(r.total().additions()).isEqualByComparingTo(r.total().reductions());
        for (Row row : r.rows()) {
            assertThat(row.opening().add(row.additions()).subtract(row.reductions())).isEqualByComparingTo(row.closing());
        }
    }

    @Test
    void withoutAMatrixOnlyTheNetChangeIsKnown() {
        Result r = ExtentAccount.of(OPENING, CLOSING, null);
        assertThat(r.gross()).isFalse();
        assertThat(r.rows().get(0).additions()).isEqualByComparingTo("5");
        assertThat(r.rows().get(0).reductions()).isEqualByComparingTo("0");
        assertThat(r.rows().get(1).reductions()).isEqualByComparingTo("20");
    }

    @Test
    void aMatrixThatDoesNotAddUpToTheExtentsIsNamedWhere() {
        assertThat(ExtentAccount.disagreements(OPENING, CLOSING, MATRIX)).isEmpty();
        List<Change> wrong = List.of(change("FOREST", "FOREST", "98"), change("FOREST", "URBAN", "2"), change("FARMLAND", "FOREST", "7"),
                change("FARMLAND", "FARMLAND", "30"), change("FARMLAND", "URBAN", "12"));
        assertThat(ExtentAccount.disagreements(OPENING, CLOSING, wrong)).containsExactly(
                "FARMLAND: what it became adds up to 49 km², the opening extent is 50 km²",
                "URBAN: what became it adds up to 14 km², the closing extent is 15 km²");
        // within the rounding tolerance of 0.01 km² it agrees
        List<Change> rounded = List.of(change("FOREST", "FOREST", "98.005"), change("FOREST", "URBAN", "2"), change("FARMLAND", "FOREST", "7"),
                change("FARMLAND", "FARMLAND", "30"), change("FARMLAND", "URBAN", "13"));
        assertThat(ExtentAccount.disagreements(OPENING, CLOSING, rounded)).isEmpty();
    }
}

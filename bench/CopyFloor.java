import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The storage floor of a national run: how long PostgreSQL takes to COPY the result rows of one year (accounts,
 * their values, publications) into tables of the same columns without indexes or constraints. Prints the
 * median of three COPYs.
 *
 *   java -cp <postgresql driver> bench/CopyFloor.java <jdbc-url> <year>
 */
public class CopyFloor {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int year = Integer.parseInt(args[1]);
        String[][] tables = {
            {"gep_account", "select * from gep_account where year = " + year},
            {"gep_account_value", "select v.* from gep_account_value v join gep_account a on a.id = v.account_id where a.year = " + year},
            {"gep_publication", "select * from gep_publication where year = " + year}};
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<byte[]> data = new ArrayList<>();
            long rows = 0;
            for (String[] t : tables) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                rows += copy.copyOut("COPY (" + t[1] + ") TO STDOUT", out);
                data.add(out.toByteArray());
            }
            List<Double> seconds = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                for (String[] t : tables) {
                    s.execute("drop table if exists floor_" + t[0]);
                    s.execute("create table floor_" + t[0] + " (like " + t[0] + ")");
                }
                long start = System.nanoTime();
                for (int i = 0; i < tables.length; i++) {
                    copy.copyIn("COPY floor_" + tables[i][0] + " FROM STDIN", new ByteArrayInputStream(data.get(i)));
                }
                seconds.add((System.nanoTime() - start) / 1e9);
            }
            for (String[] t : tables) {
                s.execute("drop table if exists floor_" + t[0]);
            }
            Collections.sort(seconds);
            long bytes = data.stream().mapToLong(d -> d.length).sum();
            System.out.printf("%d %.3f %d%n", rows, seconds.get(1), bytes);
        }
    }
}

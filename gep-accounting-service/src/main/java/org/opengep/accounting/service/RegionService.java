package org.opengep.accounting.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.opengep.accounting.domain.Region;
import org.opengep.accounting.domain.RegionLevel;
import org.opengep.common.input.RegionCodes;
import org.opengep.common.problem.ConflictException;
import org.opengep.common.problem.Errors;

/**
 * The region tree: the statistics bureau's code table (GB/T 2260 and development zones) and its code changes, loaded from
 * the vendored data at start-up, plus custom accounting units.
 */
@ApplicationScoped
public class RegionService {

    private static final Logger LOG = Logger.getLogger(RegionService.class);
    private static final String DATA = "regions/";
    private static final String CODE_CHANGES = "code-changes.csv";
    /** What the vendored table is (china-division 2.7.0): the statistics bureau's codes as of 30 June 2023. */
    static final String VINTAGE = "2023 (as of 2023-06-30, published 2023-09-11)";
    public static final String CODE_TABLE = "statistics bureau's 统计用区划代码 " + VINTAGE
            + ", vendored from china-division 2.7.0; code changes before and after it from regions/code-changes.csv";

    /** The root of the tree (created by migration V2). */
    public static final String NATION = "100000";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OfficialFigureCache cache;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Inserts the regions of the vendored code table that are not there yet, then the code changes over the years; safe
     * with several replicas starting at once.
     */
    void loadAdministrativeRegions(@Observes StartupEvent event) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        for (String[] p : csv("china-division-2.7.0/provinces.csv")) {
            rows.add(new String[] {p[0] + "0000", p[1], "PROVINCE", NATION});
        }
        for (String[] c : csv("china-division-2.7.0/cities.csv")) {
            rows.add(new String[] {c[0] + "00", c[1], "PREFECTURE", c[2] + "0000"});
        }
        for (String[] a : csv("china-division-2.7.0/areas.csv")) {
            // 东莞, 中山 and 儋州 have no counties: the data repeats the prefecture under its own code; keep it once
            if (a[0].equals(a[2] + "00")) {
                continue;
            }
            rows.add(new String[] {a[0], a[1], "COUNTY", a[2] + "00"});
        }
        try (Connection c = dataSource.getConnection()) {
            if (count(c, "select count(*) from region where not custom and valid_until is null") < rows.size()) {
                try (PreparedStatement insert = c.prepareStatement("insert into region (code, name, level, parent_code, custom, "
                        + "development_zone) values (?, ?, ?, ?, false, ?) on conflict (code) do nothing")) {
                    for (String[] row : rows) {
                        for (int i = 0; i < 4; i++) {
                            insert.setString(i + 1, row[i]);
                        }
                        insert.setBoolean(5, row[2].equals("COUNTY") && isDevelopmentZone(row[0]));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                LOG.infof("Loaded %d regions of the statistics bureau's %s code table", rows.size(), VINTAGE);
            }
            loadCodeChanges(c);
            // the tree's walks are planned with these statistics; autovacuum gathers them only a minute or so later
            try (Statement analyse = c.createStatement()) {
                analyse.execute("analyze region, region_code_change");
            }
            // replicas already running drop the trees they read before (this one's holds none yet)
            cache.evictOnCommit(transactions, c, List.of(OfficialFigureCache.REGIONS));
        }
    }

    /**
     * The code changes we record ({@code code-changes.csv}): retired codes become regions valid until their last year, new
     * codes are valid from their first, and each change links a code to its successor.
     */
    private void loadCodeChanges(Connection c) throws SQLException {
        try (PreparedStatement region = c.prepareStatement("insert into region (code, name, level, parent_code, custom) "
                + "values (?, ?, 'COUNTY', ?, false) on conflict (code) do nothing");
                PreparedStatement validity = c.prepareStatement("update region set valid_from = ?, valid_until = ? where code = ?");
                PreparedStatement change = c.prepareStatement("insert into region_code_change (code, successor_code, year, kind, note, "
                        + "source) values (?, ?, ?, ?, ?, ?) on conflict (code, successor_code) do update set year = excluded.year, "
                        + "kind = excluded.kind, note = excluded.note, source = excluded.source")) {
            for (String[] row : csv(CODE_CHANGES)) {
                region.setString(1, row[0]);
                region.setString(2, row[1]);
                region.setString(3, row[2]);
                region.addBatch();
                validity.setObject(1, year(row[3]), Types.INTEGER);
                validity.setObject(2, year(row[4]), Types.INTEGER);
                validity.setString(3, row[0]);
                validity.addBatch();
                if (!row[5].isEmpty()) {
                    change.setString(1, row[0]);
                    change.setString(2, row[5]);
                    change.setInt(3, Integer.parseInt(row[6]));
                    change.setString(4, row[7]);
                    change.setString(5, row[8]);
                    change.setString(6, row[9]);
                    change.addBatch();
                }
            }
            region.executeBatch();
            validity.executeBatch();
            change.executeBatch();
        }
    }

    /**
     * In the statistics bureau's table, county digits 71-79 are development zones and other functional zones (开发区, 新区,
     * 管理区, 风景名胜区), not GB/T 2260 divisions: all 124 such codes of the vendored table are.
     */
    static boolean isDevelopmentZone(String countyCode) {
        return countyCode.length() == 6 && countyCode.charAt(4) == '7';
    }

    private static Integer year(String field) {
        return field.isEmpty() ? null : Integer.valueOf(field);
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String[]> csv(String file) {
        try (InputStream in = RegionService.class.getClassLoader().getResourceAsStream(DATA + file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.replace("\"", "").split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(Region.findById(code));
    }

    public List<Region> children(String code) {
        return Region.children(code);
    }

    /** Regions filtered by parent, level and name; with no filter, the provinces. */
    public List<Region> search(String parent, RegionLevel level, String name, int offset, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (parent != null) {
            params.add(parent);
            query.append(" and parentCode = ?").append(params.size());
        }
        if (level != null) {
            params.add(level);
            query.append(" and level = ?").append(params.size());
        }
        if (name != null) {
            params.add("%" + name + "%");
            query.append(" and name like ?").append(params.size());
        }
        if (params.isEmpty()) {
            params.add(RegionLevel.PROVINCE);
            query.append(" and level = ?1");
        }
        return Region.find(query + " order by code", params.toArray()).range(offset, offset + limit - 1).list();
    }

    /** Creates a custom accounting unit below an existing region. */
    @Transactional
    public Region createCustom(String code, String name, RegionLevel level, String parentCode, BigDecimal areaKm2,
            String areaSource, String user) {
        Errors errors = new Errors();
        if (!RegionCodes.isWellFormed(code) || RegionCodes.isAdministrative(code)) {
            errors.add("code", "2 to 32 letters, digits, '_' or '-', and not a six-digit GB/T 2260 code");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add("name", "a name of 1 to 200 characters is required");
        }
        if (level == null || !level.isCustom()) {
            errors.add("level", "one of WATERSHED, RESERVE, TOWNSHIP, PARCEL");
        }
        if (areaKm2 == null || areaKm2.signum() <= 0) {
            errors.add("areaKm2", "a positive area in km² is required");
        }
        Region parent = parentCode == null ? null : Region.findById(parentCode);
        if (parent == null) {
            errors.add("parentCode", parentCode == null ? "a parent region is required" : "no region " + parentCode);
        } else if (parent.areaKm2 != null && areaKm2 != null && areaKm2.compareTo(parent.areaKm2) > 0) {
            errors.add("areaKm2", "larger than the parent's area of " + parent.areaKm2.toPlainString() + " km²");
        }
        errors.throwIfAny();
        if (Region.findById(code) != null) {
            throw new ConflictException("region-exists", "a region with code " + code + " already exists");
        }
        Region region = new Region();
        region.code = code;
        region.name = name;
        region.level = level;
        region.parentCode = parentCode;
        region.areaKm2 = areaKm2;
        region.areaSource = areaSource;
        region.custom = true;
        region.createdBy = user;
        region.createdAt = OffsetDateTime.now();
        region.persistAndFlush();
        treeChanges();
        return region;
    }

    /** Sums read the tree with the year's figures: every replica forgets the trees it holds once this transaction commits. */
    private void treeChanges() {
        try (Connection c = dataSource.getConnection()) {
            cache.evictOnCommit(transactions, c, List.of(OfficialFigureCache.REGIONS));
        } catch (SQLException e) {
            throw new IllegalStateException("could not notify the change of the region tree", e);
        }
    }

    /** Records the land area of a region (the vendored code table has none). */
    @Transactional
    public Optional<Region> setArea(String code, BigDecimal areaKm2, String source) {
        Errors errors = new Errors();
        if (areaKm2 == null || areaKm2.signum() <= 0) {
            errors.add("areaKm2", "a positive area in km² is required");
        }
        if (source == null || source.isBlank()) {
            errors.add("source", "say where the area comes from");
        }
        errors.throwIfAny();
        Optional<Region> region = Region.findByIdOptional(code);
        region.ifPresent(r -> {
            r.areaKm2 = areaKm2;
            r.areaSource = source;
            treeChanges();
        });
        return region;
    }
}

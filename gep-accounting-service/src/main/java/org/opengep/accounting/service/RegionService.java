package org.opengep.accounting.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
import java.sql.SQLException;
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

/** The region tree: GB/T 2260 loaded from the vendored data at start-up, plus custom accounting units. */
@ApplicationScoped
public class RegionService {

    private static final Logger LOG = Logger.getLogger(RegionService.class);
    private static final String DATA = "regions/china-division-2.7.0/";

    /** The root of the tree (created by migration V2). */
    public static final String NATION = "100000";

    @Inject
    AgroalDataSource dataSource;

    /** Inserts the GB/T 2260 regions that are not there yet; safe with several replicas starting at once. */
    void loadAdministrativeRegions(@Observes StartupEvent event) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        for (String[] p : csv("provinces.csv")) {
            rows.add(new String[] {p[0] + "0000", p[1], "PROVINCE", NATION});
        }
        for (String[] c : csv("cities.csv")) {
            rows.add(new String[] {c[0] + "00", c[1], "PREFECTURE", c[2] + "0000"});
        }
        for (String[] a : csv("areas.csv")) {
            // 东莞, 中山 and 儋州 have no counties: the data repeats the prefecture under its own code; keep it once
            if (a[0].equals(a[2] + "00")) {
                continue;
            }
            rows.add(new String[] {a[0], a[1], "COUNTY", a[2] + "00"});
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement count = c.prepareStatement("select count(*) from region where not custom")) {
            var rs = count.executeQuery();
            rs.next();
            if (rs.getInt(1) >= rows.size()) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement("insert into region (code, name, level, parent_code, custom) "
                    + "values (?, ?, ?, ?, false) on conflict (code) do nothing")) {
                for (String[] row : rows) {
                    for (int i = 0; i < 4; i++) {
                        insert.setString(i + 1, row[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        LOG.infof("Loaded %d GB/T 2260 regions", rows.size());
    }

    private static List<String[]> csv(String file) {
        try (InputStream in = RegionService.class.getClassLoader().getResourceAsStream(DATA + file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.replace("\"", "").split(",")).toList();
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
        return region;
    }

    /** Records the land area of a region (the vendored GB/T 2260 data has none). */
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
        });
        return region;
    }
}

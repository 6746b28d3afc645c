package org.opengep.accounting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengep.accounting.engine.account.GepEngine;
import org.opengep.accounting.engine.catalogue.CatalogueLoader;
import org.opengep.accounting.engine.catalogue.IndicatorCatalogue;

/** The method versions this service knows, each with its catalogue and engine; the first is the default. */
@ApplicationScoped
public class CatalogueService {

    private final Map<String, GepEngine> engines = new LinkedHashMap<>();

    public CatalogueService() {
        for (IndicatorCatalogue catalogue : CatalogueLoader.loadAll()) {
            engines.put(catalogue.method().code(), new GepEngine(catalogue));
        }
    }

    public String defaultMethodVersion() {
        return engines.keySet().iterator().next();
    }

    /** The method version asked for, or the default when none is. */
    public String resolve(String methodVersion) {
        return methodVersion == null ? defaultMethodVersion() : methodVersion;
    }

    public List<String> methodVersions() {
        return List.copyOf(engines.keySet());
    }

    public Optional<GepEngine> engine(String methodVersion) {
        return Optional.ofNullable(engines.get(methodVersion));
    }

    public Optional<IndicatorCatalogue> catalogue(String methodVersion) {
        return engine(methodVersion).map(GepEngine::catalogue);
    }
}

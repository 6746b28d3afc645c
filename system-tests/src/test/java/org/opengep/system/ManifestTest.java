package org.opengep.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opengep.testsupport.ProjectRoot;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the deployment manifests as they would be applied: each kustomize overlay is rendered by the real kustomize
 * ({@code kubectl kustomize}; skipped, saying so, where kubectl is not installed) and every object of the result is
 * checked for what an operator relies on. The compose file is checked too.
 */
class ManifestTest {

    private static final Path DEPLOY = ProjectRoot.path().resolve("deploy");
    private static final String BASE_ISSUER = "https://gep.example.org/issuer";
    private static final Set<String> SERVICES = Set.of("gep-accounting-service", "ecological-product-registry", "trading-service");
    private static final String DASHBOARD = "gep-dashboard";

    @ParameterizedTest
    @CsvSource({"overlays/dev, gep-dev, 2, 5Gi", "overlays/production, gep, 3, 100Gi"})
    void everyOverlayRendersAWholeSoundPlatform(String overlay, String namespace, int instances, String storage)
            throws IOException, InterruptedException {
        List<Map<String, Object>> objects = render(DEPLOY.resolve("k8s").resolve(overlay));
        assertThat(objects).hasSize(16);
        for (Map<String, Object> object : objects) {
            String what = object.get("kind") + " " + name(object);
            assertThat(map(object, "metadata").get("namespace")).as(what + " in the overlay's namespace").isEqualTo(namespace);
            assertThat(map(map(object, "metadata"), "labels")).as(what + " labelled").containsEntry("app.kubernetes.io/part-of", "gep-platform");
        }

        Map<String, Map<String, Object>> deployments = byName(objects, "Deployment");
        assertThat(deployments.keySet()).containsExactlyInAnyOrder("gep-accounting-service", "ecological-product-registry", "trading-service", DASHBOARD);
        Set<String> secrets = byName(objects, "Secret").keySet();
        assertThat(secrets).contains("gep-db-credentials", "gep-jwt-keys", "gep-dashboard-oidc");
        dashboardSignsInThroughTheIdentityProvider(deployments.get(DASHBOARD), byName(objects, "Service").get(DASHBOARD));
        Map<String, Object> accounting = list(map(map(map(deployments.get("gep-accounting-service"), "spec"), "template"), "spec"),
                "containers").get(0);
        assertThat(list(accounting, "env")).as("the accounting service's JVM options")
                .contains(Map.of("name", "JDK_JAVA_OPTIONS", "value", accountingJvmOptions()));
        for (Map<String, Object> deployment : deployments.values()) {
            if (name(deployment).equals(DASHBOARD)) {
                continue;
            }
            String name = name(deployment);
            Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
            Map<String, Object> container = list(pod, "containers").get(0);
            assertThat(path(container, "readinessProbe", "httpGet", "path")).as(name).isEqualTo("/q/health/ready");
            assertThat(path(container, "livenessProbe", "httpGet", "path")).as(name).isEqualTo("/q/health/live");
            for (String kind : List.of("requests", "limits")) {
                assertThat(map(map(container, "resources"), kind)).as(name + " " + kind).containsKeys("cpu", "memory");
            }
            // database credentials and JWT keys come from Secrets that the overlay defines
            List<Object> secretRefs = new ArrayList<>();
            for (Map<String, Object> env : list(container, "env")) {
                Object ref = path(env, "valueFrom", "secretKeyRef", "name");
                if (ref != null) {
                    secretRefs.add(ref);
                }
            }
            assertThat(secretRefs).as(name + " takes its database password from a Secret").contains("gep-db-credentials");
            List<Object> secretVolumes = list(pod, "volumes").stream().map(v -> path(v, "secret", "secretName")).filter(Objects::nonNull).toList();
            assertThat(secretVolumes).as(name + " mounts the JWT keys").contains("gep-jwt-keys");
            assertThat(secrets).containsAll(secretRefs.stream().map(String::valueOf).toList());
            assertThat(String.valueOf(list(container, "env"))).as(name + " reaches PostgreSQL through the CloudNativePG primary service")
                    .contains("gep-postgres-rw");
        }

        Map<String, Map<String, Object>> autoscalers = byName(objects, "HorizontalPodAutoscaler");
        for (String service : SERVICES) {
            Map<String, Object> hpa = autoscalers.get(service);
            assertThat(hpa).as("an autoscaler for " + service).isNotNull();
            assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(path(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(service);
            assertThat((Integer) path(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
            assertThat((Integer) path(hpa, "spec", "maxReplicas")).isGreaterThan((Integer) path(hpa, "spec", "minReplicas"));
            Map<String, Object> svc = byName(objects, "Service").get(service);
            assertThat(path(svc, "spec", "selector")).isEqualTo(path(deployments.get(service), "spec", "selector", "matchLabels"));
        }

        // the production overlay names the operator's identity provider; the dev overlay keeps the base's
        assertThat(path(byName(objects, "ConfigMap").get("gep-platform-config"), "data", "MP_JWT_VERIFY_ISSUER"))
                .isEqualTo(namespace.equals("gep") ? "https://sso.gep.example.gov.cn/realms/gep" : BASE_ISSUER);

        Map<String, Map<String, Object>> clusters = byName(objects, "Cluster");
        assertThat(clusters).containsKey("gep-postgres");
        Map<String, Object> cluster = clusters.get("gep-postgres");
        assertThat(cluster.get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1");
        assertThat((Integer) path(cluster, "spec", "instances")).as("a primary and at least one replica").isEqualTo(instances);
        assertThat(path(cluster, "spec", "storage", "size")).as("the overlay's storage").isEqualTo(storage);
        assertThat(path(cluster, "spec", "bootstrap", "initdb", "secret", "name")).isEqualTo("gep-db-credentials");
        assertThat(String.valueOf(path(cluster, "spec", "bootstrap", "initdb", "postInitSQL")))
                .contains("gep_registry").contains("gep_trading");
        assertThat(path(cluster, "spec", "bootstrap", "initdb", "database")).isEqualTo("gep_accounting");
    }

    /** The dashboard: probes and resources, the services' URLs, OpenID Connect with its client secret, no development sign-in. */
    private static void dashboardSignsInThroughTheIdentityProvider(Map<String, Object> deployment, Map<String, Object> service) {
        Map<String, Object> container = list(map(map(map(deployment, "spec"), "template"), "spec"), "containers").get(0);
        assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
        assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
        Map<String, Object> env = new java.util.HashMap<>();
        for (Map<String, Object> variable : list(container, "env")) {
            env.put(String.valueOf(variable.get("name")), variable.containsKey("value") ? variable.get("value") : variable.get("valueFrom"));
        }
        assertThat(env).containsKeys("GEP_ACCOUNTING_URL", "GEP_REGISTRY_URL", "GEP_TRADING_URL", "GEP_DASHBOARD_OIDC_URL")
                .doesNotContainKeys("GEP_DASHBOARD_DEV_SIGN_IN", "GEP_DASHBOARD_OIDC_ENABLED", "GEP_DASHBOARD_DEV_SIGNING_KEY_LOCATION");
        assertThat(path(env, "GEP_DASHBOARD_OIDC_CLIENT_SECRET", "secretKeyRef", "name")).isEqualTo("gep-dashboard-oidc");
        assertThat(path(env, "GEP_DASHBOARD_SESSION_SECRET", "secretKeyRef", "name")).as("the session cookie's key").isEqualTo("gep-dashboard-oidc");
        assertThat(path(env, "GEP_DASHBOARD_OIDC_URL", "configMapKeyRef", "key")).as("the identity provider is the services' issuer")
                .isEqualTo("MP_JWT_VERIFY_ISSUER");
        assertThat(path(service, "spec", "selector")).isEqualTo(path(deployment, "spec", "selector", "matchLabels"));
    }

    @Test
    void composeRunsPostgresAndTheThreeServicesConfiguredByEnvironment() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("docker-compose.yml")));
        Map<String, Object> services = map(compose, "services");
        assertThat(services.keySet()).contains("postgres").containsAll(SERVICES);
        assertThat(path(services, "postgres", "healthcheck")).isNotNull();
        for (String service : SERVICES) {
            Map<String, Object> env = map(map(services, service), "environment");
            String prefix = "GEP_" + (service.startsWith("gep-") ? "ACCOUNTING" : service.startsWith("eco") ? "REGISTRY" : "TRADING");
            assertThat(env).as(service).containsKeys(prefix + "_DB_URL", prefix + "_DB_USER", prefix + "_DB_PASSWORD",
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "GEP_SERVICE_SIGNING_KEY_LOCATION");
            assertThat(String.valueOf(env.get(prefix + "_DB_URL"))).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(path(services, service, "depends_on", "postgres", "condition")).isEqualTo("service_healthy");
        }
        assertThat(map(map(services, "gep-accounting-service"), "environment")).as("the accounting service's JVM options")
                .containsEntry("JDK_JAVA_OPTIONS", accountingJvmOptions());
        Map<String, Object> dashboard = map(map(services, DASHBOARD), "environment");
        assertThat(dashboard).containsEntry("GEP_ACCOUNTING_URL", "http://gep-accounting-service:8081")
                .containsEntry("GEP_DASHBOARD_DEV_SIGN_IN", "true").containsKey("GEP_DASHBOARD_DEV_SIGNING_KEY_LOCATION");
    }

    /** The flags of the accounting service's JVM options file (which run.sh and the benchmark pass), without its comments. */
    private static String accountingJvmOptions() throws IOException {
        return Files.readAllLines(DEPLOY.resolve("jvm").resolve("gep-accounting-service.options")).stream()
                .map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty()).collect(Collectors.joining(" "));
    }

    /** The objects kustomize renders from a kustomization directory, each checked to be a Kubernetes object. */
    private static List<Map<String, Object>> render(Path directory) throws IOException, InterruptedException {
        Path kubectl = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl is not on the PATH: the kustomize overlays are not rendered "
                + "(install kubectl, which carries kustomize, to check them)");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString()).redirectErrorStream(true).start();
        String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("kubectl kustomize " + directory + ":\n" + rendered).isZero();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(rendered)) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) document;
                assertThat(object).as(directory.toString()).containsKeys("apiVersion", "kind", "metadata");
                objects.add(object);
            }
        }
        return objects;
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")))
                .collect(Collectors.toMap(ManifestTest::name, o -> o, (a, b) -> a, LinkedHashMap::new));
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(map(object, "metadata").get("name"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object object, String key) {
        Object value = ((Map<String, Object>) object).get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> object, String key) {
        Object value = object.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    private static Object path(Object object, String... keys) {
        Object at = object;
        for (String key : keys) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(key);
        }
        return at;
    }
}

package org.opengep.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opengep.system.DemoDataset.Loaded;
import org.opengep.system.DemoUses.UsesLoaded;
import org.opengep.testsupport.ServiceProcess;
import org.opengep.testsupport.TestTokens;

/**
 * The dashboard in a real browser (Debian's chromium) against the three real services on a real PostgreSQL with the
 * demonstration data, signed in through the development sign-in: every figure a page shows is checked against what the
 * API answers for the same question. The screenshots it takes are the README's ({@code docs/screenshots}).
 */
@TestMethodOrder(OrderAnnotation.class)
class DashboardIT {

    private static final Tokens TOKENS = TestTokens::token;
    private static final String COUNTY = DemoDataset.REGION;
    private static final String PREFECTURE = "330600";
    private static final int YEAR = DemoDataset.YEAR;

    private static RunningSystem system;
    private static ServiceProcess dashboard;
    private static ChromeDriver browser;
    private static Loaded demo;
    private static UsesLoaded uses;

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.installed()) {
            String message = "no chromium at " + Browser.CHROMIUM + " or chromium-driver at " + Browser.DRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run does)";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        system = new RunningSystem();
        demo = new DemoDataset(system.platform, TOKENS).load();
        uses = new DemoUses(system.platform, TOKENS).load(demo);
        Map<String, String> env = new HashMap<>();
        env.put("GEP_ACCOUNTING_URL", system.platform.accounting().url());
        env.put("GEP_REGISTRY_URL", system.platform.registry().url());
        env.put("GEP_TRADING_URL", system.platform.trading().url());
        env.put("GEP_DASHBOARD_OIDC_ENABLED", "false");
        env.put("GEP_DASHBOARD_DEV_SIGN_IN", "true");
        env.put("GEP_DASHBOARD_DEV_SIGNING_KEY_LOCATION", TestTokens.privateKeyFile().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("GEP_DASHBOARD_HOME_REGION", COUNTY);
        dashboard = ServiceProcess.start(jar(), "GEP_DASHBOARD_PORT", env);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void aSignedOutVisitorIsSentToTheSignInAndAUserWithoutTheRoleSeesA403PageNotData() {
        browser.manage().deleteAllCookies();
        browser.get(dashboard.url() + "/regions/" + COUNTY);
        assertThat(browser.getCurrentUrl()).contains("/sign-in");
        assertThat(browser.findElements(By.id("gep-headline"))).isEmpty();

        signIn("visitor");
        browser.get(dashboard.url() + "/regions/" + COUNTY);
        assertThat(browser.findElement(By.id("error")).getAttribute("data-status")).isEqualTo("403");
        assertThat(browser.findElements(By.id("gep-headline"))).isEmpty();
        browser.get(dashboard.url() + "/downloads/regions/" + COUNTY + "/gep.csv?year=" + YEAR);
        assertThat(browser.getPageSource()).doesNotContain("GEP,").contains("403");
    }

    @Test
    @Order(2)
    void theCountysHeadlineIsTheApisOfficialFigureIn亿元WithItsPublication() throws IOException {
        signIn("bureau-reader", "gep-reader", "market-reader", "registry-reader");
        browser.get(dashboard.url() + "/");
        waitForChart("chart-series");
        JsonNode official = system.platform.accounting().get("/api/v1/regions/" + COUNTY + "/gep?year=" + YEAR, TOKENS.reader())
                .expect(200).body();
        BigDecimal gep = official.path("result").path("gep").decimalValue();
        assertThat(text("gep-headline")).isEqualTo(yi(gep));
        assertThat(text("publication")).contains(official.path("publication").path("publishedBy").asText())
                .contains(official.path("publication").path("reason").asText());
        assertThat(text("gep-to-gdp")).isEqualTo(official.path("result").path("gepToGdp").decimalValue().movePointRight(2)
                .setScale(2, RoundingMode.HALF_UP).toPlainString() + "%");
        // what the county received in the published compensation allocations
        JsonNode income = system.platform.accounting().get("/api/v1/compensation/income/" + COUNTY, TOKENS.reader()).expect(200).body();
        assertThat(income.path("amount").decimalValue()).isPositive();
        assertThat(text("compensation-amount")).isEqualTo(wan(income.path("amount").decimalValue()));
        // the treemap draws the three categories of the figure
        assertThat(chartData("chart-breakdown", 0)).hasSize(official.path("result").path("categories").size());
        // the county's valued product shows its valuation (the registry's list carries each product's latest)
        assertThat(browser.findElement(org.openqa.selenium.By.id("products")).getText()).contains(wan(demo.productValue()));
        Browser.screenshot(browser, screenshots(), "region.png");
    }

    @Test
    @Order(3)
    void theSeriesChartHasEveryPublishedYear() {
        browser.get(dashboard.url() + "/regions/" + COUNTY);
        waitForChart("chart-series");
        JsonNode publications = system.platform.accounting().get("/api/v1/regions/" + COUNTY + "/gep/publications", TOKENS.reader())
                .expect(200).body();
        List<String> years = StreamSupport.stream(publications.spliterator(), false).filter(p -> p.path("official").asBoolean())
                .map(p -> p.path("year").asText()).distinct().sorted().toList();
        assertThat(years).hasSizeGreaterThanOrEqualTo(2);
        assertThat(chartAxis("chart-series")).containsExactlyElementsOf(years);
        assertThat(browser.findElements(By.cssSelector("#series tbody tr"))).hasSize(years.size());
    }

    @Test
    @Order(4)
    void theRankingHasABarPerChildWithAnOfficialFigure() throws IOException {
        browser.get(dashboard.url() + "/regions/" + PREFECTURE + "?year=" + YEAR);
        waitForChart("chart-ranking");
        JsonNode children = system.platform.accounting().get("/api/v1/regions/" + PREFECTURE + "/children/gep?year=" + YEAR, TOKENS.reader())
                .expect(200).body();
        List<String> withFigure = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (JsonNode child : children) {
            if (!child.path("gep").isMissingNode() && !child.path("gep").isNull()) {
                withFigure.add(child.path("name").asText());
                values.add(yi(child.path("gep").decimalValue()));
            }
        }
        assertThat(withFigure).hasSizeGreaterThanOrEqualTo(6);
        assertThat(chartAxis("chart-ranking")).containsExactlyElementsOf(withFigure);
        assertThat(chartData("chart-ranking", 0)).hasSize(withFigure.size());
        List<String> shown = browser.findElements(By.cssSelector("#ranking tbody tr td:nth-child(3)")).stream().map(WebElement::getText).toList();
        assertThat(shown).containsExactlyElementsOf(values);
        Browser.screenshot(browser, screenshots(), "ranking.png");
    }

    @Test
    @Order(5)
    void aCsvDownloadIsTheApisOwnExport() throws Exception {
        browser.get(dashboard.url() + "/regions/" + COUNTY + "?year=" + YEAR);
        String href = browser.findElement(By.id("download-official-csv")).getAttribute("href");
        // the browser's own request, with its session cookie; bytes, since a text decoder would drop the export's BOM
        String downloaded = (String) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer())"
                + ".then(b => done(btoa(String.fromCharCode.apply(null, new Uint8Array(b)))));", href);
        HttpResponse<byte[]> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(system.platform.accounting().url()
                + "/api/v1/regions/" + COUNTY + "/gep?year=" + YEAR + "&format=csv")).header("Authorization", "Bearer " + TOKENS.reader())
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(api.statusCode()).isEqualTo(200);
        byte[] bytes = Base64.getDecoder().decode(downloaded);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("GEP,生态系统生产总值");
        assertThat(bytes).isEqualTo(api.body());

        // the SEEA EA tables of the two published years, as the service's XLSX
        String seea = browser.findElement(By.id("download-seea")).getAttribute("href");
        String type = (String) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' ' + r.headers.get('Content-Type')));", seea);
        assertThat(type).isEqualTo("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    @Order(6)
    void compensationAndTheMarketShowWhatTheServicesHold() {
        browser.get(dashboard.url() + "/compensation/allocations/" + uses.verticalAllocationId());
        waitForChart("chart-allocation");
        JsonNode allocation = system.platform.accounting().get("/api/v1/compensation/allocations/" + uses.verticalAllocationId(), TOKENS.reader())
                .expect(200).body();
        assertThat(text("allocation-total")).isEqualTo(wan(allocation.path("total").decimalValue()));
        assertThat(chartData("chart-allocation", 0)).hasSize(allocation.path("regions").size());

        browser.get(dashboard.url() + "/market/" + demo.instrumentId());
        waitForChart("chart-candles");
        JsonNode days = system.platform.trading().get("/api/v1/instruments/" + demo.instrumentId() + "/market-data",
                TOKENS.user("reader", "market-reader")).expect(200).body();
        long traded = StreamSupport.stream(days.spliterator(), false).filter(d -> d.hasNonNull("open")).count();
        assertThat(traded).isPositive();
        assertThat(chartData("chart-candles", 0)).hasSize((int) traded);
        assertThat(browser.findElements(By.id("order-book")).size() + browser.findElements(By.id("empty-book")).size()).isEqualTo(1);
    }

    @Test
    @Order(7)
    void aJobsProgressBarReaches100PercentWithItsFailuresNamed() throws IOException {
        signIn("accountant-chen", "gep-reader", "gep-accountant");
        browser.get(dashboard.url() + "/jobs");
        Path csv = Files.createTempFile("job", ".csv");
        StringBuilder rows = new StringBuilder("regionCode,year,indicator,field,value,unit\n");
        for (String county : List.of("330602", "330603", "330604", "330624")) {
            rows.append(county).append(",2019,,extent.FOREST,380,km²\n").append(county).append(",2019,,population,1100000,\n")
                    .append(county).append(",2019,AGRICULTURE,value,20.5,亿元\n");
        }
        rows.append("330681,2019,AGRICULTURE,value,-5,亿元\n");
        Files.writeString(csv, rows);
        browser.findElement(By.id("job-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("job-start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "100".equals(d.findElement(By.id("job-percent")).getText())
                && "true".equals(d.findElement(By.id("job")).getAttribute("data-finished")));
        assertThat(text("job-total")).isEqualTo("5");
        assertThat(text("job-done")).isEqualTo("4");
        assertThat(text("job-failed")).isEqualTo("1");
        assertThat(browser.findElement(By.id("job-bar")).getAttribute("aria-valuenow")).isEqualTo("100");
        assertThat(browser.findElement(By.id("job-failures")).getText()).contains("330681");
        Browser.screenshot(browser, screenshots(), "job.png");

        // a file the service cannot read: the form again, with the service's own reason, and no job
        Files.writeString(csv, "region;year\n330602;2019\n");
        browser.get(dashboard.url() + "/jobs");
        int jobs = browser.findElements(By.cssSelector("#jobs tbody tr")).size();
        browser.findElement(By.id("job-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("job-start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("job-problem")).isEmpty());
        assertThat(text("job-problem")).isNotBlank().isNotEqualToIgnoringCase("Bad Request");
        assertThat(browser.findElements(By.cssSelector("#jobs tbody tr"))).hasSize(jobs);
    }

    @Test
    @Order(8)
    void onATabletThePageFitsItsWidthAndTheChartsRedraw() {
        signIn("bureau-reader", "gep-reader");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        try {
            browser.get(dashboard.url() + "/regions/" + PREFECTURE + "?year=" + YEAR);
            waitForChart("chart-ranking");
            assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("no sideways scrolling at 820 px").isTrue();
            assertThat(chartData("chart-ranking", 0)).hasSizeGreaterThanOrEqualTo(6);
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        }
    }

    @Test
    @Order(9)
    void englishIsOneClickAway() {
        signIn("bureau-reader", "gep-reader");
        browser.get(dashboard.url() + "/regions/" + COUNTY);
        browser.findElement(By.id("lang-switch")).click();
        waitForLanguage("en");
        assertThat(browser.findElement(By.id("headline")).getText()).contains("100 million yuan");
        browser.findElement(By.id("lang-switch")).click();
        waitForLanguage("zh");
    }

    private static void signIn(String user, String... roles) {
        browser.manage().deleteAllCookies();
        browser.get(dashboard.url() + "/sign-in");
        WebElement name = browser.findElement(By.id("user"));
        name.clear();
        name.sendKeys(user);
        for (WebElement box : browser.findElements(By.name("role"))) {
            if (box.isSelected() != List.of(roles).contains(box.getAttribute("value"))) {
                box.click();
            }
        }
        browser.findElement(By.id("sign-in-button")).click();
        // the form's answer is a redirect to the page asked for: wait for that page, not the sign-in's
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("user-name")).isEmpty());
        assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo(user);
    }

    private static void waitForLanguage(String language) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                && !d.findElements(By.id("headline")).isEmpty());
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private static void waitForChart(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.executeScript(
                "var e = document.getElementById(arguments[0]); return !!(e && window.echarts && echarts.getInstanceByDom(e));", id)));
    }

    /** What the chart draws: the data of its series, as ECharts holds it. */
    @SuppressWarnings("unchecked")
    private static List<Object> chartData(String id, int series) {
        return (List<Object>) browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series[arguments[1]].data;", id, series);
    }

    @SuppressWarnings("unchecked")
    private static List<String> chartAxis(String id) {
        return ((List<Object>) browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().xAxis[0].data;", id))
                .stream().map(String::valueOf).toList();
    }

    private static String yi(BigDecimal yuan) {
        return String.format(java.util.Locale.ROOT, "%,.2f", yuan.divide(new BigDecimal("100000000"), 2, RoundingMode.HALF_UP));
    }

    private static String wan(BigDecimal yuan) {
        return String.format(java.util.Locale.ROOT, "%,.2f", yuan.divide(new BigDecimal("10000"), 2, RoundingMode.HALF_UP));
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    }

    private static String jar() {
        String jar = System.getProperty("dashboard.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("no packaged dashboard at " + jar + "; run `./mvnw verify`");
        }
        return jar;
    }
}

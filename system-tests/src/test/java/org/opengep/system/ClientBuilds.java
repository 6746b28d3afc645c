package org.opengep.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.opengep.testsupport.OpenApiContract;

/**
 * Generates and builds the clients of the committed OpenAPI documents as an integrator would, each with the language's
 * own tools: Python into a virtual environment (pip installs each generated package and what it requires), TypeScript
 * with typescript from npm (tsc compiles the generated sources and the driver), Java compiled by the JDK's compiler.
 * The tools themselves (python3 with venv, node with npm) are the machine's; {@code .ci/run} installs them where missing.
 */
final class ClientBuilds {

    private static final Path ROOT = Path.of("target", "generated-clients-calling").toAbsolutePath();
    /** The TypeScript compiler the clients are built with (the 5.x line; 7 is a rewrite with another command). */
    private static final String TYPESCRIPT = "typescript@5.9";

    private ClientBuilds() {}

    /** Python clients, one package a service ({@code gep_accounting}, ...), installed into {@code venv}; the driver beside them. */
    static Path python(List<String> services) throws Exception {
        Path root = clean(ROOT.resolve("python"));
        exec(root, "python3", "-m", "venv", "venv");
        List<String> install = new ArrayList<>(List.of(root.resolve("venv/bin/pip").toString(), "install", "--quiet", "--disable-pip-version-check"));
        for (String service : services) {
            Path out = root.resolve(service);
            generate("python", service, out, Map.of("packageName", pythonPackage(service), "projectName", service));
            install.add(out.toString());
        }
        exec(root, install.toArray(String[]::new));
        copyDriver("calls.py", root);
        return root;
    }

    /** TypeScript clients (typescript-fetch), one folder a service, compiled with the driver into {@code build}. */
    static Path typescript(List<String> services) throws Exception {
        Path root = clean(ROOT.resolve("typescript"));
        Path src = Files.createDirectories(root.resolve("src"));
        for (String service : services) {
            generate("typescript-fetch", service, src.resolve(service), Map.of("supportsES6", true));
        }
        copyDriver("calls.ts", src);
        Files.writeString(root.resolve("package.json"), "{\"name\": \"gep-clients\", \"private\": true}\n");
        Files.writeString(root.resolve("tsconfig.json"), """
                {"compilerOptions": {"target": "ES2020", "module": "commonjs", "lib": ["ES2020", "DOM"], "strict": true, "skipLibCheck": true,
                  "types": [], "outDir": "build", "rootDir": "src"}, "include": ["src"]}
                """);
        exec(root, "npm", "install", "--no-audit", "--no-fund", "--silent", TYPESCRIPT, "@types/node@20");
        Files.writeString(root.resolve("tsconfig.json"), Files.readString(root.resolve("tsconfig.json")).replace("\"types\": []", "\"types\": [\"node\"]"));
        exec(root, root.resolve("node_modules/.bin/tsc").toString(), "-p", ".");
        return root;
    }

    /** Java clients (java, library native), compiled with parameter names into one folder of classes. */
    static Path java(List<String> services) throws Exception {
        Path root = clean(ROOT.resolve("java"));
        List<String> sources = new ArrayList<>();
        for (String service : services) {
            Path out = root.resolve(service);
            String base = "org.example." + pythonPackage(service);
            generate("java", service, out, Map.of("library", "native", "apiPackage", base + ".api", "modelPackage", base + ".model",
                    "invokerPackage", base, "openApiNullable", false, "useJakartaEe", true));
            try (Stream<Path> walk = Files.walk(out.resolve("src/main/java"))) {
                walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(sources::add);
            }
        }
        Path classes = Files.createDirectories(root.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.StringWriter errors = new java.io.StringWriter();
        List<String> options = List.of("-proc:none", "-nowarn", "-parameters", "-d", classes.toString(), "-cp", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            assertThat(javac.getTask(errors, files, null, options, null, files.getJavaFileObjectsFromStrings(sources)).call())
                    .as("the generated Java clients compile:\n" + errors).isTrue();
        }
        return classes;
    }

    /** The module or package a service's client is: {@code gep_accounting}, {@code gep_registry}, {@code gep_trading}. */
    static String pythonPackage(String service) {
        return switch (service) {
            case "gep-accounting-service" -> "gep_accounting";
            case "ecological-product-registry" -> "gep_registry";
            default -> "gep_trading";
        };
    }

    /** Runs a driver on a plan in the folder; fails with its output when it exits non-zero. */
    static void run(Path root, Path plan, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        line.add(plan.toString());
        String output = exec(root, line.toArray(String[]::new));
        System.out.println(output);
    }

    private static void generate(String generator, String service, Path out, Map<String, Object> properties) {
        CodegenConfigurator configurator = new CodegenConfigurator().setGeneratorName(generator)
                .setInputSpec(OpenApiContract.committedDocument(service).toString()).setOutputDir(out.toString());
        properties.forEach(configurator::addAdditionalProperty);
        assertThat(new DefaultGenerator().opts(configurator.toClientOptInput()).generate()).as(generator + " client of " + service).isNotEmpty();
    }

    private static void copyDriver(String name, Path folder) throws IOException {
        try (InputStream driver = ClientBuilds.class.getResourceAsStream("/clients/" + name)) {
            Files.copy(driver, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path clean(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(folder);
    }

    /** Runs a command in a folder (at most ten minutes) and gives its output; fails with the output if it exits non-zero. */
    private static String exec(Path folder, String... command) throws Exception {
        File log = Files.createTempFile("client-build", ".log").toFile();
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log).start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log.toPath());
        assertThat(ended && process.exitValue() == 0).as(String.join(" ", command) + " failed:\n" + output).isTrue();
        return output;
    }
}

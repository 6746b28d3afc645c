package org.opengep.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.opengep.testsupport.OpenApiContract;

/**
 * What an integrator does with our contracts: generate a plain Java client (openapi-generator, {@code java} with the
 * JDK's HTTP client) from each committed OpenAPI document and compile it. Our own services generate MicroProfile
 * clients from the same documents in every build; this checks the generator an outsider most likely picks.
 */
class GeneratedClientsTest {

    @ParameterizedTest
    @ValueSource(strings = {"gep-accounting-service", "ecological-product-registry", "trading-service"})
    void aJavaClientGeneratesFromTheCommittedDocumentAndCompiles(String service) throws IOException {
        Path out = Path.of("target", "generated-clients", service);
        deleteRecursively(out);
        CodegenConfigurator generator = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(OpenApiContract.committedDocument(service).toString())
                .setOutputDir(out.toString())
                .setApiPackage("org.example.gep.api")
                .setModelPackage("org.example.gep.model")
                .setInvokerPackage("org.example.gep")
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("useJakartaEe", true);
        List<File> files = new DefaultGenerator().opts(generator.toClientOptInput()).generate();
        assertThat(files).as("generated files").isNotEmpty();

        List<String> sources;
        try (Stream<Path> walk = Files.walk(out.resolve("src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        assertThat(sources).anyMatch(s -> s.endsWith("Api.java"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        Path classes = Files.createDirectories(out.resolve("classes"));
        List<String> options = List.of("-proc:none", "-nowarn", "-d", classes.toString(), "-cp", System.getProperty("java.class.path"));
        boolean compiled;
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            compiled = javac.getTask(errors, fileManager, null, options, null, fileManager.getJavaFileObjectsFromStrings(sources)).call();
        }
        assertThat(compiled).as("the generated client of " + service + " compiles:\n" + errors).isTrue();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}

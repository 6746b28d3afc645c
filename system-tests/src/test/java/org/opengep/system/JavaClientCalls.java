package org.opengep.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The Java driver of the generated clients' plan (see {@link GeneratedClientsIT}): loads the compiled clients, finds each
 * operation's method on its API class by name, passes the plan's values by parameter name (converted to the types the
 * generator chose), and checks the typed results. The native library has no authentication of its own: the bearer
 * token goes in through its request interceptor, as its documentation says; Accept and Content-Type are the client's.
 */
final class JavaClientCalls {

    private final ClassLoader loader;
    private final Path classes;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Object> results = new HashMap<>();

    JavaClientCalls(Path classes) throws Exception {
        this.classes = classes;
        this.loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    List<String> run(JsonNode plan) {
        for (JsonNode call : plan.path("calls")) {
            String service = call.path("service").asText();
            String operation = call.path("operationId").asText();
            JsonNode spec = plan.path("services").path(service);
            String token = call.hasNonNull("token") ? call.path("token").asText() : spec.path("token").asText();
            try {
                Object result = call(ClientBuilds.pythonPackage(service), spec.path("url").asText(), token, operation, call);
                results.put(call.has("name") ? call.path("name").asText() : operation, result);
                check(operation, call.path("checks"), result);
                System.out.println("java " + service + " " + operation + " ok");
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                String answer = cause.getMessage() + " " + answerBody(cause);
                failures.add(service + " " + operation + ": " + answer);
                System.out.println("java " + service + " " + operation + " FAILED " + answer);
            } catch (ReflectiveOperationException | RuntimeException e) {
                failures.add(service + " " + operation + ": " + e);
            }
        }
        for (JsonNode replay : plan.path("replays")) {
            Object first = results.get(replay.path(0).asText());
            Object again = results.get(replay.path(1).asText());
            String field = replay.path(2).asText();
            if (first != null && again != null && !String.valueOf(property(first, field)).equals(String.valueOf(property(again, field)))) {
                failures.add("the retry " + replay.path(1).asText() + " with the same Idempotency-Key answered another " + field);
            }
        }
        System.out.println("java: " + plan.path("calls").size() + " calls, " + failures.size() + " failures");
        return failures;
    }

    private Object call(String pkg, String url, String token, String operation, JsonNode call) throws ReflectiveOperationException {
        String base = "org.example." + pkg;
        Class<?> apiClient = loader.loadClass(base + ".ApiClient");
        Object client = apiClient.getConstructor().newInstance();
        apiClient.getMethod("updateBaseUri", String.class).invoke(client, url);
        Consumer<java.net.http.HttpRequest.Builder> bearer = b -> b.header("Authorization", "Bearer " + token);
        apiClient.getMethod("setRequestInterceptor", Consumer.class).invoke(client, bearer);
        ObjectMapper json = (ObjectMapper) apiClient.getMethod("createDefaultObjectMapper").invoke(null);
        for (Class<?> api : apiClasses(base)) {
            for (Method method : api.getMethods()) {
                if (method.getName().equals(operation)) {
                    Object instance = api.getConstructor(apiClient).newInstance(client);
                    return method.invoke(instance, arguments(method, call, json));
                }
            }
        }
        throw new NoSuchMethodException(operation);
    }

    private Object[] arguments(Method method, JsonNode call, ObjectMapper json) {
        Parameter[] parameters = method.getParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i].getName();
            JsonNode value = call.path("params").path(name);
            if (call.path("body").path("param").asText().equals(name)) {
                value = call.path("body").path("value");
            }
            if (!value.isMissingNode()) {
                arguments[i] = json.convertValue(value, json.getTypeFactory().constructType(method.getGenericParameterTypes()[i]));
            }
        }
        return arguments;
    }

    private List<Class<?>> apiClasses(String base) throws ClassNotFoundException {
        List<Class<?>> apis = new ArrayList<>();
        Path folder = classes.resolve(base.replace('.', '/')).resolve("api");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("Api.class")).toList()) {
                String name = f.getFileName().toString();
                apis.add(loader.loadClass(base + ".api." + name.substring(0, name.length() - ".class".length())));
            }
        } catch (java.io.IOException e) {
            throw new ClassNotFoundException(folder.toString(), e);
        }
        return apis;
    }

    /** What a result's path must be: a BigDecimal for numbers (the Java generator maps them so), an enum, a date, ... */
    private void check(String operation, JsonNode checks, Object result) {
        checks.fields().forEachRemaining(check -> {
            Object value = result;
            for (String step : check.getKey().split("\\.")) {
                value = step.matches("\\d+") ? ((List<?>) value).get(Integer.parseInt(step)) : property(value, step);
            }
            Class<?> wanted = switch (check.getValue().asText()) {
                case "enum" -> Enum.class;
                case "date" -> LocalDate.class;
                case "datetime" -> OffsetDateTime.class;
                case "uuid" -> UUID.class;
                case "integer" -> Integer.class;
                case "number" -> BigDecimal.class;
                case "list" -> List.class;
                default -> String.class;
            };
            if (!wanted.isInstance(value)) {
                failures.add(operation + ": " + check.getKey() + " is " + value + " (" + (value == null ? "null" : value.getClass().getName()) + "), not "
                        + wanted.getSimpleName());
            }
        });
    }

    private static Object property(Object bean, String name) {
        try {
            return bean.getClass().getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1)).invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no property " + name + " on " + bean.getClass().getSimpleName(), e);
        }
    }

    private static String answerBody(Throwable e) {
        try {
            return String.valueOf(e.getClass().getMethod("getResponseBody").invoke(e));
        } catch (ReflectiveOperationException none) {
            return "";
        }
    }
}

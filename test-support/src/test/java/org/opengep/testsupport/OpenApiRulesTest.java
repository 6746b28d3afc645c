package org.opengep.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiRulesTest {

    private static final String CLEAN = """
            openapi: 3.1.0
            paths:
              /api/v1/things/{id}:
                get:
                  operationId: getThing
                  summary: One thing
                  parameters:
                  - name: id
                    in: path
                  responses:
                    "200":
                      description: The thing
                      content:
                        application/json:
                          schema:
                            $ref: "#/components/schemas/Thing"
                    "400": {description: Bad id}
                    "401": {description: No token}
                    "403": {description: Wrong role}
                    "404": {description: No such thing}
            components:
              schemas:
                Thing:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, examples: [oak]}
                    planted: {type: string, format: date, example: "2024-03-12"}
                    kind: {$ref: "#/components/schemas/Kind", description: what it is}
                  example: {name: oak, planted: "2024-03-12", kind: TREE}
                Kind:
                  type: string
                  enum: [TREE, SHRUB]
            """;

    @Test
    void aCleanDocumentHasNoViolations() {
        assertThat(OpenApiRules.violations(CLEAN)).isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamed() {
        String broken = CLEAN.replace("operationId: getThing", "tags: [things]")
                .replace("summary: One thing", "description: no summary")
                .replaceAll(" *\"404\": \\{description: No such thing}\n", "")
                .replace("{$ref: \"#/components/schemas/Kind\", description: what it is}",
                        "{$ref: \"#/components/schemas/Kind\", type: [string, \"null\"]}")
                .replace("example: {name: oak, planted: \"2024-03-12\", kind: TREE}", "example: {planted: 12 March, kind: BUSH}")
                .replaceFirst("(?m)^( *)Kind:\n", "$1Kind1: {type: string}\n$1Kind:\n");
        assertThat(OpenApiRules.violations(broken)).containsExactlyInAnyOrder(
                "GET /api/v1/things/{id}: no operationId",
                "GET /api/v1/things/{id}: no summary",
                "GET /api/v1/things/{id}: response 404 is not documented",
                "#/components/schemas/Thing/properties/kind: type is a list [\"string\",\"null\"]; generators want one type (or a oneOf)",
                "#/components/schemas/Thing/properties/kind: $ref has siblings [type]",
                "#/components/schemas/Thing/example/planted: \"12 March\" is not a date",
                "#/components/schemas/Thing/example/kind: \"BUSH\" is not one of [\"TREE\",\"SHRUB\"]",
                "#/components/schemas/Thing/example: required property name is missing",
                "#/components/schemas/Kind1: a made-up name (two types of one simple name); give it a name with @Schema(name = ...)");
    }
}

package org.opengep.accounting.engine.account;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A named element of an indicator's inputs: a product, a lake or reservoir, a tourist site. */
public record Item(@Schema(maxLength = 200) String name, @Schema(maxLength = 32) String kind, Map<String, Amount> inputs) {}

package org.opengep.accounting.engine.account;

import java.util.Map;

/** A named element of an indicator's inputs: a product, a lake or reservoir, a tourist site. */
public record Item(String name, String kind, Map<String, Amount> inputs) {}

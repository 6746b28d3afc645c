package org.opengep.common.problem;

/** One thing wrong with an account's inputs: where (a JSON-pointer-like path) and what. */
public record InputError(String field, String message) {}

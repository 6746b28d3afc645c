package org.opengep.accounting.engine.account;

/** One thing wrong with an account's inputs: where (a JSON-pointer-like path) and what. */
public record InputError(String field, String message) {}

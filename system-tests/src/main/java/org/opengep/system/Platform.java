package org.opengep.system;

/** The three services of a running system, by their base URLs. */
public record Platform(Http accounting, Http registry, Http trading) {

    public Platform(String accountingUrl, String registryUrl, String tradingUrl) {
        this(new Http(accountingUrl), new Http(registryUrl), new Http(tradingUrl));
    }
}

package org.opengep.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A document that supports a product's claim, identified by its SHA-256 (the registry keeps the hash, not the file). */
@Embeddable
public class Evidence {

    public String name;

    @Column(name = "media_type")
    public String mediaType;

    public String sha256;

    public Evidence() {}

    public Evidence(String name, String mediaType, String sha256) {
        this.name = name;
        this.mediaType = mediaType;
        this.sha256 = sha256;
    }
}

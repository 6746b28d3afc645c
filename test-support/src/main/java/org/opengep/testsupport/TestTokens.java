package org.opengep.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Real RS256 tokens for tests. The key pair is made once per JVM and kept in system properties so that
 * the test resource (which configures the service's public key) and the tests (which sign) share it
 * across Quarkus' class loaders. No key is ever written to the repository.
 */
public final class TestTokens {

    public static final String ISSUER = "https://test.opengep.org";
    private static final String PUBLIC = "opengep.test.jwt.public";
    private static final String PRIVATE = "opengep.test.jwt.private";

    private TestTokens() {}

    public static String publicKeyBase64() {
        ensureKeys();
        return System.getProperty(PUBLIC);
    }

    /** The public key as a PEM file in a temporary directory, for {@code mp.jwt.verify.publickey.location}. */
    public static java.nio.file.Path publicKeyFile() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("gep-test-jwt", ".pem");
            file.toFile().deleteOnExit();
            java.nio.file.Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(Base64.getDecoder().decode(publicKeyBase64()))
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The private key as a PEM file, for a service that signs its own tokens ({@code smallrye.jwt.sign.key.location}). */
    public static java.nio.file.Path privateKeyFile() {
        ensureKeys();
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("gep-test-jwt-private", ".pem");
            file.toFile().deleteOnExit();
            java.nio.file.Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(Base64.getDecoder().decode(System.getProperty(PRIVATE)))
                    + "\n-----END PRIVATE KEY-----\n");
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A token for {@code subject} with the given roles in the {@code groups} claim. */
    public static String token(String subject, String... roles) {
        return token(subject, Map.of(), roles);
    }

    /** A token with extra claims, e.g. a holder-scoped token's {@code holder_id}. */
    public static String token(String subject, Map<String, Object> claims, String... roles) {
        var builder = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(roles));
        claims.forEach(builder::claim);
        return builder.expiresIn(Duration.ofHours(1)).sign(privateKey());
    }

    /**
     * Any claims, signed by the test key with a key id in the header: what an OpenID Connect provider issues (its JWKS
     * names the key; {@link #publicKeyBase64()} is the key).
     */
    public static String signed(Map<String, Object> claims, String keyId) {
        var builder = Jwt.claims();
        claims.forEach(builder::claim);
        return builder.jws().keyId(keyId).sign(privateKey());
    }

    /** A token signed by a key the service does not trust. */
    public static String foreignToken(String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(roles)).expiresIn(Duration.ofHours(1))
                .sign(newPair().getPrivate());
    }

    private static PrivateKey privateKey() {
        ensureKeys();
        try {
            byte[] der = Base64.getDecoder().decode(System.getProperty(PRIVATE));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void ensureKeys() {
        if (System.getProperty(PUBLIC) == null) {
            KeyPair pair = newPair();
            System.setProperty(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        }
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

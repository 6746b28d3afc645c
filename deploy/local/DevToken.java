import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Development tokens for a local run, with nothing but a JDK:
 *
 *   java deploy/local/DevToken.java keygen                 make .local/keys/{private,public}.pem (once)
 *   java deploy/local/DevToken.java alice gep-accountant   print an RS256 JWT for alice with those roles
 *   java deploy/local/DevToken.java coop holder 8 <uuid>   a holder-scoped token (holder_id claim) valid 8 hours
 *
 * The services trust .local/keys/public.pem in a local run; the private key never leaves .local/ (git-ignored).
 */
public class DevToken {

    static final String ISSUER = "https://gep.local/issuer";
    static final Path KEYS = Path.of(".local/keys");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("keygen")) {
            keygen();
            return;
        }
        if (args.length < 2) {
            System.err.println("usage: java deploy/local/DevToken.java keygen | <user> <role>[,<role>...] [hours] [holder-id]");
            System.exit(2);
        }
        String user = args[0];
        String groups = Arrays.stream(args[1].split(",")).map(r -> "\"" + r.strip() + "\"").collect(Collectors.joining(","));
        long now = Instant.now().getEpochSecond();
        long hours = args.length > 2 ? Long.parseLong(args[2]) : 8;
        String holder = args.length > 3 ? ",\"holder_id\":\"" + UUID.fromString(args[3]) + "\"" : "";
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"upn\":\"" + user + "\",\"groups\":[" + groups
                + "]" + holder + ",\"iat\":" + now + ",\"exp\":" + (now + hours * 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + b64(rsa.sign()));
    }

    static void keygen() throws Exception {
        if (Files.exists(KEYS.resolve("private.pem"))) {
            return;
        }
        Files.createDirectories(KEYS);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(KEYS.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(KEYS.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        System.out.println("wrote " + KEYS.toAbsolutePath() + "/{private,public}.pem");
    }

    static PrivateKey privateKey() throws Exception {
        String pem = Files.readString(KEYS.resolve("private.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

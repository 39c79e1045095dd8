package io.certtrail.query.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The issuer's signing key and its certificate: one ECDSA P-256 key signs the PDFs it hands out
 * ({@link PdfSignature}) and its Open Badges credentials and status lists. A PKCS #12 file
 * ({@code certtrail.signing.keystore}, its password {@code certtrail.signing.password}); with
 * {@code certtrail.signing.create-if-missing} (the embedded default) a self-signed one is made
 * there on first start and kept. Without a file, a key made at start signs (the signatures prove
 * a file unaltered, not who signed across restarts).
 */
@Component
public class IssuerKey {

    private static final Logger log = LoggerFactory.getLogger(IssuerKey.class);

    private static final String ALIAS = "certtrail-signing";

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String signer;

    public IssuerKey(
            CertificatePdf.Issuer issuer,
            @Value("${certtrail.signing.keystore:}") String keystore,
            @Value("${certtrail.signing.password:}") String password,
            @Value("${certtrail.signing.create-if-missing:false}") boolean createIfMissing) {
        this.signer = issuer.name();
        try {
            KeyStore store =
                    keys(Path.of(keystore.isBlank() ? "." : keystore), keystore.isBlank(), password, createIfMissing);
            char[] secret = password.toCharArray();
            this.key = (PrivateKey) store.getKey(ALIAS, secret);
            this.certificate = (X509Certificate) store.getCertificate(ALIAS);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("certtrail.signing: the signing key cannot be read", e);
        }
    }

    private KeyStore keys(Path file, boolean none, String password, boolean createIfMissing)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (!none && Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password.toCharArray());
            }
            return store;
        }
        if (!none && !createIfMissing) {
            throw new IOException("no keystore at " + file);
        }
        store.load(null, null);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + escape(signer) + " document signing,O=" + escape(signer));
        Instant from = Instant.now().minus(Duration.ofDays(1));
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                new BigInteger(64, new SecureRandom()),
                Date.from(from),
                Date.from(from.plus(Duration.ofDays(3650))),
                name,
                pair.getPublic());
        builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate self = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        store.setKeyEntry(
                ALIAS, pair.getPrivate(), password.toCharArray(), new java.security.cert.Certificate[] {self});
        if (none) {
            log.warn("certtrail.signing.keystore is not set: PDFs and credentials are signed with a key made at start");
            return store;
        }
        // instances sharing the file's volume may start together: the first one's key is everybody's
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path made = Files.createTempFile(directory, ".signing-", ".p12");
        try {
            try (OutputStream out = Files.newOutputStream(made)) {
                store.store(out, password.toCharArray());
            }
            Files.createLink(file, made); // fails if another instance made it first; never replaces it
            log.info("Made a self-signed document signing key at {}", file);
            return store;
        } catch (java.nio.file.FileAlreadyExistsException another) {
            return keys(file, false, password, false);
        } finally {
            Files.deleteIfExists(made);
        }
    }

    private static String escape(String text) {
        return text.replaceAll("([,+\"\\\\<>;=])", "\\\\$1");
    }

    /** The certificate of the key, for anyone who wants to check a signature against it. */
    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return key;
    }

    /** The issuer's name, as signatures state it. */
    public String signer() {
        return signer;
    }
}

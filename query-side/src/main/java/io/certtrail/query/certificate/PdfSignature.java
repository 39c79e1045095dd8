package io.certtrail.query.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The issuer's digital signature on the PDFs it hands out (the e-certificate, the transcript): a
 * PAdES baseline signature (CAdES detached, ECDSA P-256 with SHA-256, the signing certificate
 * named in the signed attributes, no signing-time attribute; the time is the signature
 * dictionary's), made with PDFBox and Bouncy Castle. Any PDF reader then shows whether a file was
 * altered after it was issued.
 *
 * <p>The key: a PKCS #12 file ({@code certtrail.signing.keystore}, its password
 * {@code certtrail.signing.password}); with {@code certtrail.signing.create-if-missing} (the
 * embedded default) a self-signed one is made there on first start and kept. Without a file, a key
 * made at start signs (the signatures prove the file unaltered, not who signed across restarts).
 */
@Component
public class PdfSignature {

    private static final Logger log = LoggerFactory.getLogger(PdfSignature.class);
    private static final String ALIAS = "certtrail-signing";

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String signer;
    private final Clock clock;

    PdfSignature(
            CertificatePdf.Issuer issuer,
            Clock clock,
            @Value("${certtrail.signing.keystore:}") String keystore,
            @Value("${certtrail.signing.password:}") String password,
            @Value("${certtrail.signing.create-if-missing:false}") boolean createIfMissing) {
        this.clock = clock;
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
            log.warn("certtrail.signing.keystore is not set: PDFs are signed with a key made at start");
        } else {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            log.info("Made a self-signed document signing key at {}", file);
        }
        return store;
    }

    private static String escape(String text) {
        return text.replaceAll("([,+\"\\\\<>;=])", "\\\\$1");
    }

    /** The certificate that signs, for anyone who wants to check a signature against it. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The same PDF, signed (an incremental update: the signed bytes are the document as given). */
    public byte[] sign(byte[] pdf, String reason) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signer);
            signature.setReason(reason);
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(clock.millis());
            signature.setSignDate(when);
            document.addSignature(signature, this::cms);
            // the catalogue now names a form with the signature field: written with the update, so
            // readers find the signature through the form, as they look for it
            var catalog = document.getDocumentCatalog();
            catalog.getCOSObject().setNeedToBeUpdated(true);
            var form = catalog.getAcroForm(null);
            if (form != null) {
                form.getCOSObject().setNeedToBeUpdated(true);
                var fields = form.getCOSObject().getCOSArray(org.apache.pdfbox.cos.COSName.FIELDS);
                if (fields != null) {
                    fields.setNeedToBeUpdated(true);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16_384);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] cms(InputStream content) throws IOException {
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            attributes.add(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certificateHash)}))));
            AttributeTable signed = new AttributeTable(attributes);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                            new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signed) {
                        @Override
                        public AttributeTable getAttributes(@SuppressWarnings("rawtypes") Map parameters) {
                            // PAdES: the time is the signature dictionary's, not a signed attribute
                            return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
                        }
                    })
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator
                    .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
                    .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("The PDF cannot be signed", e);
        }
    }
}

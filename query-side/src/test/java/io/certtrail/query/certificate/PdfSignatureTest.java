package io.certtrail.query.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issuer's PAdES signature: it covers the whole file as issued, verifies against the signing
 * certificate, names it in the signed attributes, and fails once a byte of the signed part changes.
 */
class PdfSignatureTest {

    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    private byte[] certificate() {
        return new CertificatePdf()
                .render(new CertificatePdf.Content(
                        "李瑞瑞",
                        "HCIA-Datacom",
                        "0101001011938060621",
                        LocalDate.parse("2026-02-20"),
                        LocalDate.parse("2029-02-20"),
                        LocalDate.parse("2026-03-02"),
                        "http://localhost:8080/verify/0101001011938060621"));
    }

    private static boolean verifies(byte[] pdf, X509Certificate expected) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            // the signed ranges reach the end of the file: nothing after the signature is unsigned
            if (range[2] + range[3] != pdf.length) {
                return false;
            }
            // the signature's space is padded with zeros after the DER object: read the one object
            ContentInfo content;
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
                content = ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms =
                    new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), content);
            SignerInformation signer =
                    cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder holder = (X509CertificateHolder)
                    cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            return holder.getSerialNumber().equals(expected.getSerialNumber())
                    && signer.getSignedAttributes()
                                    .get(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2)
                            != null
                    && signer.getSignedAttributes().get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime) == null
                    && signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
        } catch (org.bouncycastle.cms.CMSException e) {
            return false;
        }
    }

    @Test
    void theSignatureCoversTheWholeFileAndBreaksWhenItChanges() throws Exception {
        Path keystore = dir.resolve("signing.p12");
        PdfSignature signature = new PdfSignature(
                new IssuerKey(new CertificatePdf.Issuer(null, null, null, null), keystore.toString(), "secret", true),
                CLOCK);
        byte[] signed = signature.sign(certificate(), "E-certificate 0101001011938060621");
        assertThat(verifies(signed, signature.certificate())).isTrue();
        try (PDDocument document = Loader.loadPDF(signed)) {
            assertThat(document.getSignatureDictionaries()).hasSize(1); // found through the form, as readers do
            PDSignature dictionary = document.getLastSignatureDictionary();
            assertThat(dictionary.getSubFilter()).isEqualTo(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
            assertThat(dictionary.getSignDate().toInstant()).isEqualTo(CLOCK.instant());
        }

        // a changed byte in the signed part: the signature no longer holds
        byte[] altered = signed.clone();
        String text = new String(altered, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/Title");
        altered[at + 8] = (byte) (altered[at + 8] ^ 0x01);
        assertThat(verifies(altered, signature.certificate())).isFalse();

        // a transcript, whose pages have no annotations before the signature's
        byte[] transcript = new CertificatePdf()
                .renderTranscript(
                        "Wan Li",
                        LocalDate.parse("2026-03-02"),
                        java.util.Map.of(
                                "Exams",
                                java.util.List.of(new CertificatePdf.TranscriptLine(
                                        "HCIA-Datacom", "H12-811", "2026-02-20", "PASSED"))));
        byte[] signedTranscript = signature.sign(transcript, "Transcript");
        assertThat(verifies(signedTranscript, signature.certificate())).isTrue();
        try (PDDocument document = Loader.loadPDF(signedTranscript)) {
            assertThat(document.getSignatureDictionaries()).hasSize(1);
        }

        // the key is kept: the next start signs with the same certificate
        PdfSignature again = new PdfSignature(
                new IssuerKey(new CertificatePdf.Issuer(null, null, null, null), keystore.toString(), "secret", true),
                CLOCK);
        assertThat(again.certificate()).isEqualTo(signature.certificate());
    }
}

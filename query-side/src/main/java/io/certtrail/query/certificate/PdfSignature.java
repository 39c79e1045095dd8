package io.certtrail.query.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Calendar;
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
import org.bouncycastle.cert.jcajce.JcaCertStore;
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
import org.springframework.stereotype.Component;

/**
 * The issuer's digital signature on the PDFs it hands out (the e-certificate, the transcript): a
 * PAdES baseline signature (CAdES detached, ECDSA P-256 with SHA-256, the signing certificate
 * named in the signed attributes, no signing-time attribute; the time is the signature
 * dictionary's), made with PDFBox and Bouncy Castle. Any PDF reader then shows whether a file was
 * altered after it was issued.
 * The key is the issuer's ({@link IssuerKey}).
 */
@Component
public class PdfSignature {

    private static final Logger log = LoggerFactory.getLogger(PdfSignature.class);
    private final IssuerKey key;
    private final Clock clock;

    PdfSignature(IssuerKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** The certificate that signs, for anyone who wants to check a signature against it. */
    public X509Certificate certificate() {
        return key.certificate();
    }

    /** The same PDF, signed (an incremental update: the signed bytes are the document as given). */
    public byte[] sign(byte[] pdf, String reason) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(key.signer());
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
            byte[] certificateHash = MessageDigest.getInstance("SHA-256")
                    .digest(key.certificate().getEncoded());
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
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(key.certificate())));
            return generator
                    .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
                    .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("The PDF cannot be signed", e);
        }
    }
}

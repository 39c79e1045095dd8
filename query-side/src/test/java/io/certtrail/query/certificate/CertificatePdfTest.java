package io.certtrail.query.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificatePdfTest {

    private static final String URL = "https://portal.example.com/verify/0101001011938060621";

    /** What an e-certificate's reader checks: the text holds name and number, the QR leads to verification. */
    public static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    public static String qrOf(byte[] pdf) throws IOException, NotFoundException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page)))).getText();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"李瑞瑞", "José Núñez-Çelik", "محمد عبد الله", "Ἀλέξανδρος Παπαδόπουλος", "Wan Li"})
    void namesInAnyScriptArePrintedAndTheQrCodeLeadsToVerification(String name) throws Exception {
        byte[] pdf = new CertificatePdf().render(new CertificatePdf.Content(name, "HCIA-Datacom",
                "0101001011938060621", LocalDate.parse("2026-02-27"), LocalDate.parse("2029-02-27"), URL));

        String text = textOf(pdf);
        assertThat(text).contains(name).contains("0101001011938060621").contains("HCIA-Datacom")
                .contains("2026-02-27").contains("2029-02-27");
        assertThat(qrOf(pdf)).isEqualTo(URL);
    }
}

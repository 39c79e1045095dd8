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

    /**
     * The QR code's text, as a phone reads it: from the page rendered at a few resolutions. ZXing's
     * detector on a whole page misses some codes at one resolution and finds them at another (port
     * 38795's URL: found at 72, 100, 200 and 300 dpi, not at 150), as a phone tries until it reads.
     */
    public static String qrOf(byte[] pdf) throws IOException, NotFoundException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int dpi : new int[] {150, 200, 100, 300, 72}) {
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi);
                try {
                    return new MultiFormatReader()
                            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
                            .getText();
                } catch (NotFoundException notAtThisResolution) {
                    // try the next one
                }
            }
            throw NotFoundException.getNotFoundInstance();
        }
    }

    @org.junit.jupiter.api.Test
    void theQrCodeIsReadableWhateverThePortInTheUrl() throws Exception {
        for (int port : new int[] {8080, 38795, 45201, 9, 65535}) {
            String url = "http://localhost:" + port + "/verify/0101001011938060621";
            byte[] pdf = new CertificatePdf()
                    .render(new CertificatePdf.Content(
                            "李瑞瑞",
                            "HCIA-Datacom",
                            "0101001011938060621",
                            LocalDate.parse("2026-02-27"),
                            LocalDate.parse("2029-02-27"),
                            LocalDate.parse("2026-03-02"),
                            url));
            assertThat(qrOf(pdf)).as(url).isEqualTo(url);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"李瑞瑞", "José Núñez-Çelik", "محمد عبد الله", "Ἀλέξανδρος Παπαδόπουλος", "Wan Li"})
    void namesInAnyScriptArePrintedAndTheQrCodeLeadsToVerification(String name) throws Exception {
        byte[] pdf = new CertificatePdf()
                .render(new CertificatePdf.Content(
                        name,
                        "HCIA-Datacom",
                        "0101001011938060621",
                        LocalDate.parse("2026-02-27"),
                        LocalDate.parse("2029-02-27"),
                        LocalDate.parse("2026-03-02"),
                        URL));

        String text = textOf(pdf);
        assertThat(text)
                .contains(name)
                .contains("0101001011938060621")
                .contains("HCIA-Datacom")
                .contains("2026-02-27")
                .contains("2029-02-27")
                .contains("2026-03-02")
                .contains("CertTrail Certification Office")
                .contains("Associate level")
                .contains("Datacom track")
                .contains("Head of Certification");
        assertThat(qrOf(pdf)).isEqualTo(URL);
    }
}

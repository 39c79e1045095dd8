package io.certtrail.query.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.text.Bidi;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.springframework.stereotype.Component;

/**
 * The e-certificate as a one-page PDF: the holder's name, the certification, its number and dates,
 * and a QR code and link to its public verification page.
 *
 * <p>Names come in any script. Text is laid out by Java's text engine (bidirectional order and
 * shaping, so Arabic joins and reads right to left) with fonts shipped in the application, never
 * the machine's, and drawn as outlines: the page looks the same in every viewer. Under it lies the
 * same text, invisible, in logical order, so the PDF can be searched and its text copied.
 */
@Component
public class CertificatePdf {

    /** Latin, Greek, Cyrillic, Arabic, Hebrew, and more. */
    private static final byte[] GENERAL = resource("/fonts/DejaVuSans.ttf");
    /** Chinese, Japanese, Korean. */
    private static final byte[] CJK = resource("/fonts/DroidSansFallbackFull.ttf");
    private static final Font GENERAL_FONT = awtFont(GENERAL);
    private static final Font CJK_FONT = awtFont(CJK);
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final PDRectangle LANDSCAPE_A4 = new PDRectangle(PDRectangle.A4.getHeight(),
            PDRectangle.A4.getWidth());

    /** @param verificationUrl the public page that confirms this certificate; the QR code holds it */
    public record Content(String holderName, String certificationName, String certificateNumber,
            LocalDate effectiveDate, LocalDate expirationDate, String verificationUrl) {
    }

    public byte[] render(Content content) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(LANDSCAPE_A4);
            document.addPage(page);
            Fonts fonts = new Fonts(document);
            float width = LANDSCAPE_A4.getWidth();
            float height = LANDSCAPE_A4.getHeight();
            float centre = width / 2;
            try (PDPageContentStream page1 = new PDPageContentStream(document, page)) {
                frame(page1, width, height);
                page1.setNonStrokingColor(0.10f, 0.20f, 0.40f);
                text(page1, fonts, "CERTIFICATE", centre, height - 110, 30, true);
                page1.setNonStrokingColor(0.2f, 0.2f, 0.2f);
                text(page1, fonts, "This is to certify that", centre, height - 160, 14, true);
                page1.setNonStrokingColor(0f, 0f, 0f);
                text(page1, fonts, content.holderName(), centre, height - 210, 32, true);
                page1.setNonStrokingColor(0.2f, 0.2f, 0.2f);
                text(page1, fonts, "has achieved the certification", centre, height - 250, 14, true);
                page1.setNonStrokingColor(0.10f, 0.20f, 0.40f);
                text(page1, fonts, content.certificationName(), centre, height - 295, 26, true);
                page1.setNonStrokingColor(0f, 0f, 0f);
                text(page1, fonts, "Certificate number: " + content.certificateNumber(), 80, 150, 12, false);
                text(page1, fonts, "Effective date: " + content.effectiveDate(), 80, 130, 12, false);
                text(page1, fonts, "Expiration date: " + (content.expirationDate() == null ? "none"
                        : content.expirationDate()), 80, 110, 12, false);
                page1.setNonStrokingColor(0.3f, 0.3f, 0.3f);
                text(page1, fonts, "Verify this certificate: " + content.verificationUrl(), 80, 80, 9, false);
                page1.setNonStrokingColor(0f, 0f, 0f);
                qr(page1, content.verificationUrl(), width - 80 - 120, 60, 120);
            }
            link(page, content.verificationUrl(), width - 80 - 120, 60, 120);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(content.certificationName() + " certificate " + content.certificateNumber());
            info.setCreator("CertTrail");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF fonts of one document, loaded only if its text needs them, embedded as subsets. */
    private static final class Fonts {
        private final PDDocument document;
        private PDType0Font general;
        private PDType0Font cjk;

        Fonts(PDDocument document) {
            this.document = document;
        }

        PDType0Font forCodePoint(int codePoint) throws IOException {
            if (GENERAL_FONT.canDisplay(codePoint) || !CJK_FONT.canDisplay(codePoint)) {
                if (general == null) {
                    general = PDType0Font.load(document, new java.io.ByteArrayInputStream(GENERAL), true);
                }
                return general;
            }
            if (cjk == null) {
                cjk = PDType0Font.load(document, new java.io.ByteArrayInputStream(CJK), true);
            }
            return cjk;
        }
    }

    private static void text(PDPageContentStream stream, Fonts fonts, String text, float x, float baseline,
            float size, boolean centred) throws IOException {
        if (text == null || text.isEmpty()) {
            return;
        }
        AttributedString attributed = new AttributedString(text);
        int[] codePoints = text.codePoints().toArray();
        int index = 0;
        for (int codePoint : codePoints) {
            int length = Character.charCount(codePoint);
            Font font = GENERAL_FONT.canDisplay(codePoint) || !CJK_FONT.canDisplay(codePoint) ? GENERAL_FONT
                    : CJK_FONT;
            attributed.addAttribute(TextAttribute.FONT, font.deriveFont(size), index, index + length);
            index += length;
        }
        TextLayout layout = new TextLayout(attributed.getIterator(), FRC);
        float left = centred ? x - layout.getAdvance() / 2 : x;
        outline(stream, layout.getOutline(null), left, baseline);
        invisible(stream, fonts, text, left, baseline, size);
    }

    /** Java2D's outline (y down, origin on the baseline) as a filled PDF path (y up). */
    private static void outline(PDPageContentStream stream, Shape shape, float left, float baseline)
            throws IOException {
        float[] c = new float[6];
        float lastX = 0;
        float lastY = 0;
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    stream.moveTo(left + c[0], baseline - c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    stream.lineTo(left + c[0], baseline - c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    // a quadratic Bézier as the cubic with the same shape
                    float c1x = lastX + 2f / 3 * (c[0] - lastX);
                    float c1y = lastY + 2f / 3 * (c[1] - lastY);
                    float c2x = c[2] + 2f / 3 * (c[0] - c[2]);
                    float c2y = c[3] + 2f / 3 * (c[1] - c[3]);
                    stream.curveTo(left + c1x, baseline - c1y, left + c2x, baseline - c2y, left + c[2],
                            baseline - c[3]);
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    stream.curveTo(left + c[0], baseline - c[1], left + c[2], baseline - c[3], left + c[4],
                            baseline - c[5]);
                    lastX = c[4];
                    lastY = c[5];
                }
                case PathIterator.SEG_CLOSE -> stream.closePath();
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
        stream.fill();
    }

    /**
     * The text, not painted: what search, copy and text extraction find. Stored in visual order, as
     * PDF text is: readers turn right-to-left runs back into reading order.
     */
    private static void invisible(PDPageContentStream stream, Fonts fonts, String logical, float left,
            float baseline, float size) throws IOException {
        String text = visualOrder(logical);
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        PDType0Font current = null;
        List<PDType0Font> runFonts = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            PDType0Font font = fonts.forCodePoint(codePoint);
            if (current != null && font != current) {
                runs.add(new int[] {start, i});
                runFonts.add(current);
                start = i;
            }
            current = font;
            i += Character.charCount(codePoint);
        }
        runs.add(new int[] {start, text.length()});
        runFonts.add(current);
        stream.beginText();
        stream.setRenderingMode(RenderingMode.NEITHER);
        stream.newLineAtOffset(left, baseline);
        for (int r = 0; r < runs.size(); r++) {
            stream.setFont(runFonts.get(r), size);
            stream.showText(text.substring(runs.get(r)[0], runs.get(r)[1]));
        }
        stream.endText();
        stream.setRenderingMode(RenderingMode.FILL);
    }

    static String visualOrder(String text) {
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return text;
        }
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        Integer[] runs = new Integer[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            runs[i] = i;
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        StringBuilder visual = new StringBuilder(text.length());
        for (Integer run : runs) {
            String part = text.substring(bidi.getRunStart(run), bidi.getRunLimit(run));
            visual.append((bidi.getRunLevel(run) & 1) == 1 ? new StringBuilder(part).reverse() : part);
        }
        return visual.toString();
    }

    private static void frame(PDPageContentStream stream, float width, float height) throws IOException {
        stream.setStrokingColor(0.10f, 0.20f, 0.40f);
        stream.setLineWidth(3);
        stream.addRect(30, 30, width - 60, height - 60);
        stream.stroke();
        stream.setLineWidth(0.8f);
        stream.addRect(40, 40, width - 80, height - 80);
        stream.stroke();
    }

    private static void qr(PDPageContentStream stream, String url, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("verification URL does not fit a QR code", e);
        }
        float module = size / matrix.getWidth();
        // One rectangle per run of dark modules in a row, each reaching a little into the row below, so
        // no hairline is left between neighbours: drawn module by module, ZXing found no code in the
        // page rendered at 200 and 300 dpi for one verification URL (port 38795); as runs it does
        float overlap = module * 0.1f;
        for (int row = 0; row < matrix.getHeight(); row++) {
            int column = 0;
            while (column < matrix.getWidth()) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < matrix.getWidth() && matrix.get(column, row)) {
                    column++;
                }
                float below = row + 1 < matrix.getHeight() ? overlap : 0;
                stream.addRect(x + start * module, y + size - (row + 1) * module - below,
                        (column - start) * module, module + below);
            }
        }
        stream.fill();
    }

    private static void link(PDPage page, String url, float x, float y, float size) throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(x, y, size, size));
        PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
        noBorder.setWidth(0);
        link.setBorderStyle(noBorder);
        PDActionURI action = new PDActionURI();
        action.setURI(url);
        link.setAction(action);
        page.getAnnotations().add(link);
    }

    private static byte[] resource(String path) {
        try (InputStream in = CertificatePdf.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font awtFont(byte[] bytes) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(bytes));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("unusable font", e);
        }
    }
}

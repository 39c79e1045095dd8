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
import java.util.Locale;
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
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The e-certificate as a one-page PDF: the issuer (name, logo), the holder's name, the
 * certification with its level and track, its number, issue and validity dates, a signature line,
 * the issuer's seal, and a QR code and link to its public verification page.
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
    private static final PDRectangle LANDSCAPE_A4 =
            new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    /**
     * @param issuedOn the day the certificate was issued (its application approved)
     * @param verificationUrl the public page that confirms this certificate; the QR code holds it
     */
    public record Content(
            String holderName,
            String certificationName,
            String certificateNumber,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            LocalDate issuedOn,
            String verificationUrl) {}

    /**
     * Who issues the certificates, as printed on them ({@code certtrail.certificates.issuer.*}).
     *
     * @param logo a PNG or JPEG file printed in the corner; none: the issuer's initials in a badge
     */
    @ConfigurationProperties("certtrail.certificates.issuer")
    public record Issuer(String name, String signatory, String signatoryTitle, String logo) {
        public Issuer {
            name = name == null || name.isBlank() ? "CertTrail Certification Office" : name;
            signatory = signatory == null || signatory.isBlank() ? "Dr. Mei Chen" : signatory;
            signatoryTitle =
                    signatoryTitle == null || signatoryTitle.isBlank() ? "Head of Certification" : signatoryTitle;
        }
    }

    private static final float[] NAVY = {0.08f, 0.18f, 0.38f};
    private static final float[] GOLD = {0.72f, 0.56f, 0.20f};
    private static final float[] GREY = {0.35f, 0.35f, 0.38f};

    private final Issuer issuer;
    private final byte[] logo;

    public CertificatePdf() {
        this(new Issuer(null, null, null, null));
    }

    @org.springframework.beans.factory.annotation.Autowired
    public CertificatePdf(Issuer issuer) {
        this.issuer = issuer;
        this.logo = readLogo(issuer.logo());
    }

    private static byte[] readLogo(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        try {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException("certtrail.certificates.issuer.logo cannot be read: " + path, e);
        }
    }

    public byte[] render(Content content) {
        return render(content, Locale.ENGLISH);
    }

    /** The e-certificate with its labels in this language; the name and the certification as they are written. */
    public byte[] render(Content content, Locale locale) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(LANDSCAPE_A4);
            document.addPage(page);
            Fonts fonts = new Fonts(document);
            float width = LANDSCAPE_A4.getWidth();
            float height = LANDSCAPE_A4.getHeight();
            float centre = width / 2;
            float qrSize = 104;
            float qrX = width - 70 - qrSize;
            float qrY = 64;
            try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                frame(s, width, height);
                // the issuer's band: logo, name, and a gold rule under them
                header(document, s, fonts, width, height, locale);
                colour(s, NAVY);
                text(s, fonts, t(locale, "pdf.certificate.title"), centre, height - 165, 28, true);
                colour(s, GREY);
                text(s, fonts, t(locale, "pdf.certificate.certify"), centre, height - 205, 13, true);
                s.setNonStrokingColor(0f, 0f, 0f);
                text(s, fonts, content.holderName(), centre, height - 252, 34, true);
                rule(s, centre - 190, height - 266, 380, GOLD, 0.8f);
                colour(s, GREY);
                text(s, fonts, t(locale, "pdf.certificate.requirements"), centre, height - 292, 13, true);
                colour(s, NAVY);
                text(s, fonts, content.certificationName(), centre, height - 333, 28, true);
                String levelAndTrack = levelAndTrack(content.certificationName(), locale);
                if (levelAndTrack != null) {
                    colour(s, GREY);
                    text(s, fonts, levelAndTrack, centre, height - 356, 13, true);
                }
                // the facts, in a row of four
                float rowY = 190;
                float left = 80;
                float[] widths = {215, 115, 115, 100};
                float x = centre - (widths[0] + widths[1] + widths[2] + widths[3]) / 2;
                fact(s, fonts, t(locale, "pdf.certificate.number"), content.certificateNumber(), x, rowY);
                x += widths[0];
                fact(s, fonts, t(locale, "pdf.certificate.issued"), String.valueOf(content.issuedOn()), x, rowY);
                x += widths[1];
                fact(
                        s,
                        fonts,
                        t(locale, "pdf.certificate.valid-from"),
                        String.valueOf(content.effectiveDate()),
                        x,
                        rowY);
                x += widths[2];
                fact(
                        s,
                        fonts,
                        t(locale, "pdf.certificate.valid-until"),
                        content.expirationDate() == null
                                ? t(locale, "pdf.certificate.no-expiry")
                                : content.expirationDate().toString(),
                        x,
                        rowY);
                // signature line, and the seal between it and the QR code
                rule(s, left, 112, 200, GREY, 0.8f);
                s.setNonStrokingColor(0f, 0f, 0f);
                text(s, fonts, issuer.signatory(), left, 96, 12, false);
                colour(s, GREY);
                text(s, fonts, issuer.signatoryTitle() + ", " + issuer.name(), left, 81, 9, false);
                seal(s, fonts, (left + 200 + qrX) / 2, 115, 48);
                s.setNonStrokingColor(0f, 0f, 0f);
                qr(s, content.verificationUrl(), qrX, qrY, qrSize);
                colour(s, GREY);
                text(s, fonts, t(locale, "pdf.certificate.scan"), qrX + qrSize / 2, qrY - 10, 8, true);
                text(s, fonts, content.verificationUrl(), centre, 50, 7.5f, true);
            }
            link(page, content.verificationUrl(), qrX, qrY, qrSize);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(content.certificationName() + " certificate " + content.certificateNumber());
            info.setAuthor(issuer.name());
            info.setCreator("CertTrail");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of a transcript: what, its number or code, its dates or result, and its status. */
    public record TranscriptLine(String what, String reference, String dates, String status) {}

    /**
     * A holder's transcript: every record on their account, in any script (the same fonts as the
     * e-certificate), on as many portrait pages as it takes, each section under its heading.
     *
     * @param sections heading to lines, in order
     */
    public byte[] renderTranscript(
            String holderName, java.time.LocalDate asOf, java.util.Map<String, List<TranscriptLine>> sections) {
        return renderTranscript(holderName, asOf, sections, Locale.ENGLISH);
    }

    /** As {@link #renderTranscript(String, java.time.LocalDate, java.util.Map)}, its labels in this language. */
    public byte[] renderTranscript(
            String holderName,
            java.time.LocalDate asOf,
            java.util.Map<String, List<TranscriptLine>> sections,
            Locale locale) {
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = new Fonts(document);
            float width = PDRectangle.A4.getWidth();
            float height = PDRectangle.A4.getHeight();
            float[] columns = {50, 250, 390, 500};
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDPageContentStream s = new PDPageContentStream(document, page);
            try {
                header(document, s, fonts, width, height, locale);
                float y = height - 160;
                colour(s, NAVY);
                text(s, fonts, t(locale, "pdf.transcript.title"), width / 2, y, 22, true);
                s.setNonStrokingColor(0f, 0f, 0f);
                text(s, fonts, holderName, width / 2, y - 30, 16, true);
                colour(s, GREY);
                text(s, fonts, t(locale, "pdf.transcript.as-of", asOf), width / 2, y - 48, 10, true);
                y -= 90;
                for (var section : sections.entrySet()) {
                    if (y < 120) {
                        s.close();
                        page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        s = new PDPageContentStream(document, page);
                        y = height - 60;
                    }
                    colour(s, NAVY);
                    text(s, fonts, section.getKey(), columns[0], y, 13, false);
                    rule(s, columns[0], y - 5, width - 100, GOLD, 0.6f);
                    y -= 22;
                    s.setNonStrokingColor(0f, 0f, 0f);
                    if (section.getValue().isEmpty()) {
                        colour(s, GREY);
                        text(s, fonts, t(locale, "pdf.transcript.none"), columns[0], y, 9.5f, false);
                        y -= 16;
                    }
                    for (TranscriptLine line : section.getValue()) {
                        if (y < 60) {
                            s.close();
                            page = new PDPage(PDRectangle.A4);
                            document.addPage(page);
                            s = new PDPageContentStream(document, page);
                            y = height - 60;
                        }
                        s.setNonStrokingColor(0f, 0f, 0f);
                        text(s, fonts, line.what(), columns[0], y, 9.5f, false);
                        text(s, fonts, line.reference(), columns[1], y, 9.5f, false);
                        colour(s, GREY);
                        text(s, fonts, line.dates(), columns[2], y, 9.5f, false);
                        text(s, fonts, line.status(), columns[3], y, 9.5f, false);
                        y -= 16;
                    }
                    y -= 14;
                }
            } finally {
                s.close();
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(t(locale, "pdf.transcript.document-title"));
            info.setAuthor(issuer.name());
            info.setCreator("CertTrail");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The vendor's names say level and track: HCIA-Datacom is the associate level of the Datacom
     * track. Null for a name that does not follow them.
     */
    static String levelAndTrack(String certificationName) {
        return levelAndTrack(certificationName, Locale.ENGLISH);
    }

    static String levelAndTrack(String certificationName, Locale locale) {
        if (certificationName == null) {
            return null;
        }
        int dash = certificationName.indexOf('-');
        String prefix = (dash < 0 ? certificationName : certificationName.substring(0, dash))
                .toUpperCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("HCIA", "HCIP", "HCIE", "HCAI").contains(prefix)) {
            return null;
        }
        String level = t(locale, "pdf.level." + prefix);
        return dash < 0 || dash == certificationName.length() - 1
                ? level
                : t(locale, "pdf.level-and-track", level, certificationName.substring(dash + 1));
    }

    private void header(
            PDDocument document, PDPageContentStream s, Fonts fonts, float width, float height, Locale locale)
            throws IOException {
        float top = height - 62;
        float logoSize = 46;
        float logoX = 70;
        float logoY = top - logoSize;
        if (logo != null) {
            org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image =
                    org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.createFromByteArray(document, logo, "logo");
            float scale = logoSize / Math.max(image.getWidth(), image.getHeight());
            s.drawImage(image, logoX, logoY, image.getWidth() * scale, image.getHeight() * scale);
        } else {
            colour(s, NAVY);
            s.addRect(logoX, logoY, logoSize, logoSize);
            s.fill();
            s.setNonStrokingColor(1f, 1f, 1f);
            text(s, fonts, initials(issuer.name()), logoX + logoSize / 2, logoY + 16, 17, true);
        }
        colour(s, NAVY);
        text(s, fonts, issuer.name(), logoX + logoSize + 14, logoY + 26, 16, false);
        colour(s, GREY);
        text(s, fonts, t(locale, "pdf.programme"), logoX + logoSize + 14, logoY + 9, 9.5f, false);
        rule(s, 70, logoY - 14, width - 140, GOLD, 1.6f);
    }

    private static String t(Locale locale, String key, Object... args) {
        return io.certtrail.platform.i18n.Messages.render(key, locale, args);
    }

    private static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.codePointAt(0)) && initials.length() < 3) {
                initials.appendCodePoint(word.codePointAt(0));
            }
        }
        return initials.isEmpty() ? name.substring(0, 1) : initials.toString();
    }

    private static void fact(PDPageContentStream s, Fonts fonts, String label, String value, float x, float y)
            throws IOException {
        colour(s, GREY);
        text(s, fonts, label, x, y + 16, 8, false);
        s.setNonStrokingColor(0f, 0f, 0f);
        text(s, fonts, value, x, y, 12.5f, false);
    }

    /** The issuer's seal: two gold rings, a star, the issuer's initials. */
    private void seal(PDPageContentStream s, Fonts fonts, float cx, float cy, float r) throws IOException {
        s.setStrokingColor(GOLD[0], GOLD[1], GOLD[2]);
        s.setLineWidth(2.2f);
        circle(s, cx, cy, r);
        s.stroke();
        s.setLineWidth(0.8f);
        circle(s, cx, cy, r - 6);
        s.stroke();
        colour(s, GOLD);
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + i * Math.PI / 5;
            float radius = i % 2 == 0 ? 11 : 4.5f;
            float x = cx + (float) (radius * Math.cos(angle));
            float y = cy + 13 + (float) (radius * Math.sin(angle));
            if (i == 0) {
                s.moveTo(x, y);
            } else {
                s.lineTo(x, y);
            }
        }
        s.closePath();
        s.fill();
        text(s, fonts, initials(issuer.name()), cx, cy - 8, 12, true);
        text(s, fonts, "OFFICIAL SEAL", cx, cy - 24, 6.5f, true);
    }

    private static void circle(PDPageContentStream s, float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        s.moveTo(cx + r, cy);
        s.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        s.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        s.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        s.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        s.closePath();
    }

    private static void rule(PDPageContentStream s, float x, float y, float length, float[] rgb, float weight)
            throws IOException {
        s.setStrokingColor(rgb[0], rgb[1], rgb[2]);
        s.setLineWidth(weight);
        s.moveTo(x, y);
        s.lineTo(x + length, y);
        s.stroke();
    }

    private static void colour(PDPageContentStream s, float[] rgb) throws IOException {
        s.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
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

    private static void text(
            PDPageContentStream stream, Fonts fonts, String text, float x, float baseline, float size, boolean centred)
            throws IOException {
        if (text == null || text.isEmpty()) {
            return;
        }
        AttributedString attributed = new AttributedString(text);
        int[] codePoints = text.codePoints().toArray();
        int index = 0;
        for (int codePoint : codePoints) {
            int length = Character.charCount(codePoint);
            Font font = GENERAL_FONT.canDisplay(codePoint) || !CJK_FONT.canDisplay(codePoint) ? GENERAL_FONT : CJK_FONT;
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
                    stream.curveTo(
                            left + c1x, baseline - c1y, left + c2x, baseline - c2y, left + c[2], baseline - c[3]);
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    stream.curveTo(
                            left + c[0], baseline - c[1], left + c[2], baseline - c[3], left + c[4], baseline - c[5]);
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
    private static void invisible(
            PDPageContentStream stream, Fonts fonts, String logical, float left, float baseline, float size)
            throws IOException {
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
        stream.setStrokingColor(NAVY[0], NAVY[1], NAVY[2]);
        stream.setLineWidth(3);
        stream.addRect(30, 30, width - 60, height - 60);
        stream.stroke();
        stream.setStrokingColor(GOLD[0], GOLD[1], GOLD[2]);
        stream.setLineWidth(0.8f);
        stream.addRect(40, 40, width - 80, height - 80);
        stream.stroke();
    }

    private static void qr(PDPageContentStream stream, String url, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            url,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
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
                stream.addRect(
                        x + start * module,
                        y + size - (row + 1) * module - below,
                        (column - start) * module,
                        module + below);
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

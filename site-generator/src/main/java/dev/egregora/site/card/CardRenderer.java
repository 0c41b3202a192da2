package dev.egregora.site.card;

import com.pngencoder.PngEncoder;
import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Ids;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Social cards: 1200x630 PNG with the title (wrapped, at most four lines, ellipsis), date, site name and a colour
 * from the post's first tag, drawn with the bundled DejaVu Sans fonts so output is identical on every machine.
 * {@link #fingerprint} covers everything that affects the pixels; a card whose fingerprint is unchanged is never
 * redrawn. Immutable and thread-safe.
 */
public final class CardRenderer {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;
    /** Bump when the drawing code changes. */
    public static final int LAYOUT_VERSION = 1;

    /** PNG encoders measured against each other (see docs/site.md). */
    public enum Encoder { IMAGEIO, PNGENCODER }

    private static final Font BOLD = font("DejaVuSans-Bold.ttf");
    private static final Font REGULAR = font("DejaVuSans.ttf");
    private static final String FONT_DIGEST = Ids.sha256Hex(BOLD.getFontName() + "/" + REGULAR.getFontName());
    private static final int MARGIN = 80;

    private final Encoder encoder;

    public CardRenderer(Encoder encoder) {
        this.encoder = encoder;
    }

    /** The default: pngencoder, measured about 4x faster than ImageIO here. */
    public CardRenderer() {
        this(Encoder.PNGENCODER);
    }

    /** What a card looks like, i.e. everything that may change its pixels. */
    public record Card(String title, String date, String siteName, String colorKey) {
    }

    /** A digest of the card's inputs plus layout version and fonts. */
    public static String fingerprint(Card card) {
        return Ids.sha256Hex(LAYOUT_VERSION + "\u001f" + FONT_DIGEST + "\u001f" + card.title() + "\u001f" + card.date()
                + "\u001f" + card.siteName() + "\u001f" + card.colorKey()).substring(0, 32);
    }

    public byte[] render(Card card) {
        return encode(draw(card));
    }

    /** Draws the card (no encoding). */
    public BufferedImage draw(Card card) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            float hue = (Math.floorMod(card.colorKey().hashCode(), 360)) / 360f;
            Color base = Color.getHSBColor(hue, 0.55f, 0.42f);
            Color light = Color.getHSBColor(hue, 0.45f, 0.62f);
            g.setPaint(new GradientPaint(0, 0, base, WIDTH, HEIGHT, light));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(255, 255, 255, 40));
            g.fillRect(0, HEIGHT - 110, WIDTH, 110);
            g.setColor(Color.WHITE);
            Font titleFont = BOLD.deriveFont(64f);
            List<String> lines = wrap(card.title(), titleFont, g.getFontRenderContext(), WIDTH - 2 * MARGIN, 4);
            if (lines.size() > 3) {
                titleFont = BOLD.deriveFont(52f);
                lines = wrap(card.title(), titleFont, g.getFontRenderContext(), WIDTH - 2 * MARGIN, 5);
            }
            g.setFont(titleFont);
            int lineHeight = (int) (titleFont.getSize2D() * 1.2f);
            int y = MARGIN + lineHeight;
            for (String line : lines) {
                g.drawString(line, MARGIN, y);
                y += lineHeight;
            }
            g.setFont(REGULAR.deriveFont(32f));
            g.drawString(card.date(), MARGIN, HEIGHT - 45);
            g.setFont(BOLD.deriveFont(32f));
            String site = card.siteName();
            int w = (int) g.getFont().getStringBounds(site, g.getFontRenderContext()).getWidth();
            g.drawString(site, WIDTH - MARGIN - w, HEIGHT - 45);
        } finally {
            g.dispose();
        }
        return img;
    }

    public byte[] encode(BufferedImage img) {
        if (encoder == Encoder.PNGENCODER) {
            return new PngEncoder().withBufferedImage(img).withMultiThreadedCompressionEnabled(false)
                    .withCompressionLevel(4).toBytes();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new EgregoraException("cannot encode a social card: " + e.getMessage(), e);
        }
    }

    static List<String> wrap(String text, Font font, FontRenderContext frc, int maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String candidate = line.length() == 0 ? words[i] : line + " " + words[i];
            if (font.getStringBounds(candidate, frc).getWidth() <= maxWidth || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(words[i]);
                if (lines.size() == maxLines) {
                    break;
                }
            }
        }
        if (lines.size() < maxLines && line.length() > 0) {
            lines.add(line.toString());
        } else if (lines.size() == maxLines) {
            String last = lines.get(maxLines - 1);
            while (!last.isEmpty() && font.getStringBounds(last + "…", frc).getWidth() > maxWidth) {
                last = last.substring(0, last.length() - 1);
            }
            lines.set(maxLines - 1, last + "…");
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            while (l.length() > 1 && font.getStringBounds(l, frc).getWidth() > maxWidth) {
                l = l.substring(0, l.length() - 2) + "…";
            }
            lines.set(i, l);
        }
        return lines;
    }

    private static Font font(String name) {
        try (InputStream in = CardRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled font " + name);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load bundled font " + name, e);
        }
    }
}

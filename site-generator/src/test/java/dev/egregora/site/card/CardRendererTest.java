package dev.egregora.site.card;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CardRendererTest {
    private final CardRenderer.Card card = new CardRenderer.Card(
            "A very long title about the weekend picnic by the river that will need wrapping over several lines "
                    + "and probably an ellipsis at the end because it goes on and on and on",
            "14 January 2020", "Egregora", "travel");

    @Test
    void cardsAre1200x630PngAndDeterministic() throws Exception {
        CardRenderer r = new CardRenderer();
        byte[] a = r.render(card);
        byte[] b = r.render(card);
        assertThat(a).isEqualTo(b);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(a));
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(img.getHeight()).isEqualTo(630);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "card-sample.png"), a);
    }

    @Test
    void bothEncodersProduceTheSamePixels() throws Exception {
        BufferedImage fromPngEncoder = ImageIO.read(new ByteArrayInputStream(
                new CardRenderer(CardRenderer.Encoder.PNGENCODER).render(card)));
        BufferedImage fromImageIo = ImageIO.read(new ByteArrayInputStream(
                new CardRenderer(CardRenderer.Encoder.IMAGEIO).render(card)));
        for (int y = 0; y < 630; y += 7) {
            for (int x = 0; x < 1200; x += 7) {
                assertThat(fromPngEncoder.getRGB(x, y)).isEqualTo(fromImageIo.getRGB(x, y));
            }
        }
    }

    @Test
    void fingerprintCoversEveryInput() {
        String f = CardRenderer.fingerprint(card);
        assertThat(CardRenderer.fingerprint(new CardRenderer.Card(card.title() + "!", card.date(), card.siteName(),
                card.colorKey()))).isNotEqualTo(f);
        assertThat(CardRenderer.fingerprint(new CardRenderer.Card(card.title(), "15 January 2020", card.siteName(),
                card.colorKey()))).isNotEqualTo(f);
        assertThat(CardRenderer.fingerprint(new CardRenderer.Card(card.title(), card.date(), "Other",
                card.colorKey()))).isNotEqualTo(f);
        assertThat(CardRenderer.fingerprint(new CardRenderer.Card(card.title(), card.date(), card.siteName(),
                "food"))).isNotEqualTo(f);
        assertThat(CardRenderer.fingerprint(card)).isEqualTo(f);
    }
}

package dev.egregora.etl.sample;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The one synthetic WhatsApp export generator, shared by {@code egregora sample}, the demo, tests and benchmarks.
 * Seeded and deterministic: the same {@link Options} always give the same bytes. Messages are streamed as they are
 * generated (a 1M-message export needs no more memory than a 1-message one).
 *
 * <p>Content: a group of 9 people writing in en, pt, es, de and fr; short and long messages, emoji, multi-line
 * messages, links, system notices (encryption notice, joins, leaves, subject changes), a few {@code /egregora}
 * commands, and attachments (small generated JPEGs with an EXIF segment to strip, and PNGs) which
 * {@link #writeZip} stores beside the chat.
 */
public final class SampleExport {
    private static final String[] AUTHORS = {"Ana Souza", "Bruno Lima", "Carla Mendes", "Diego Fernández",
            "Emma Schmidt", "François Dubois", "Grace Okafor", "Hiro Tanaka", "+55 11 98765-4321"};
    /** Nicknames an author may choose with {@code /egregora set alias} (by author, as AUTHORS; no part of a name). */
    private static final String[][] NICKNAMES = {{"Sunny", "Capitã", "Moonlight"}, {"Beto", "Coach", "Mr. Fix"},
            {"Cacá", "Bookworm", "Pixel"}, {"El Flaco", "Chef", "DJ Sol"}, {"Blue", "Rocket", "Wanderer"},
            {"Fanfan", "Le Prof", "Soleil"}, {"Gigi", "Ace", "Starling"}, {"Kaze", "Sensei", "Origami"},
            {"Zé", "Night Owl", "Tio Zé"}};
    private static final String[][] PHRASES = {
            {"Good morning everyone!", "Did anyone read the article I sent?", "I think we should meet on Friday.",
                    "That makes sense to me.", "Can you share the slides?", "haha yes", "I'll be late today, sorry",
                    "What do you all think about the new plan?", "Totally agree 👍", "Let me check and get back to you.",
                    "Here is the summary of yesterday's discussion, with the main points we agreed on and the open questions"},
            {"Bom dia, pessoal!", "Alguém viu o jogo ontem?", "Acho que a gente devia marcar uma reunião.",
                    "Concordo totalmente", "Vou chegar um pouco atrasado", "Que legal! 😄", "Obrigado pela ajuda!",
                    "Alguém tem o link da apresentação?", "Depois eu mando as fotos", "Não sei se consigo hoje"},
            {"¡Buenos días a todos!", "¿Alguien tiene el documento?", "Me parece bien", "Nos vemos mañana",
                    "¡Qué buena idea! 🎉", "Estoy de acuerdo contigo", "Lo reviso esta tarde", "¿A qué hora empezamos?"},
            {"Guten Morgen zusammen!", "Hat jemand die Unterlagen?", "Das klingt gut", "Bis später!",
                    "Ich bin heute etwas später dran", "Super Idee 👏", "Können wir das morgen besprechen?"},
            {"Bonjour à tous !", "Quelqu'un a le lien ?", "Je suis d'accord", "À demain !", "C'est génial 😍",
                    "On se retrouve où ?", "Je regarde ça ce soir"}};
    private static final String[] EMOJI = {"😂", "❤️", "👍", "🎉", "🙏", "😅", "🔥", "✨", "🤔", "🥳", "🇧🇷", "👨‍👩‍👧"};
    private static final String[] LINKS = {"https://example.org/article/42", "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://github.com/egregora/egregora", "https://pt.wikipedia.org/wiki/Egr%C3%A9gora"};

    private SampleExport() {
    }

    /**
     * What to generate.
     *
     * @param messages     number of messages (system notices included)
     * @param seed         random seed
     * @param layout       header layout
     * @param start        time of the first message
     * @param mediaPerMille attachments per 1000 messages (0 for none)
     */
    public record Options(int messages, long seed, Layout layout, LocalDateTime start, int mediaPerMille) {
        public Options {
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(start, "start");
            if (messages < 0 || mediaPerMille < 0 || mediaPerMille > 1000) {
                throw new IllegalArgumentException("messages >= 0 and 0 <= mediaPerMille <= 1000");
            }
        }

        public static Options defaults() {
            return new Options(1000, 42, Layout.ANDROID_DMY_24H, LocalDateTime.of(2024, 1, 13, 8, 0), 5);
        }

        public Options withMessages(int n) {
            return new Options(n, seed, layout, start, mediaPerMille);
        }

        public Options withSeed(long s) {
            return new Options(messages, s, layout, start, mediaPerMille);
        }

        public Options withLayout(Layout l) {
            return new Options(messages, seed, l, start, mediaPerMille);
        }

        public Options withMediaPerMille(int m) {
            return new Options(messages, seed, layout, start, m);
        }
    }

    /** Receives generated messages. */
    @FunctionalInterface
    public interface MessageHandler {
        void accept(SampleMessage m) throws IOException;
    }

    /** Generates the messages of {@code o} in order. */
    public static void generate(Options o, MessageHandler handler) throws IOException {
        SplittableRandom r = new SplittableRandom(o.seed());
        LocalDateTime t = o.start();
        if (!o.layout().seconds()) {
            t = t.withSecond(0);
        }
        int mediaCount = 0;
        for (int i = 0; i < o.messages(); i++) {
            if (i > 0) {
                int gap = r.nextInt(100) < 70 ? r.nextInt(5, 240) : r.nextInt(240, 6 * 3600);
                t = t.plusSeconds(gap);
                if (!o.layout().seconds()) {
                    t = t.withSecond(0);
                }
            }
            if (i == 0) {
                handler.accept(new SampleMessage(t, null, encryptionNotice(o.layout()), null));
                continue;
            }
            int roll = r.nextInt(1000);
            int who = pickAuthor(r);
            String author = AUTHORS[who];
            if (roll < 3) {
                handler.accept(new SampleMessage(t, null, systemNotice(r, author), null));
            } else if (roll < 4) {
                String cmd = switch (r.nextInt(3)) {
                    case 0 -> "/egregora opt-out";
                    case 1 -> "/egregora opt-in";
                    default -> "/egregora set alias \"" + NICKNAMES[who][r.nextInt(NICKNAMES[who].length)] + "\"";
                };
                handler.accept(new SampleMessage(t, author, cmd, null));
            } else if (roll < 4 + o.mediaPerMille()) {
                mediaCount++;
                String name = mediaName(o.layout(), t, mediaCount, r.nextInt(4) == 0 ? "png" : "jpg");
                String caption = r.nextInt(3) == 0 ? PHRASES[r.nextInt(PHRASES.length)][0] : null;
                handler.accept(new SampleMessage(t, author, caption, name));
            } else {
                handler.accept(new SampleMessage(t, author, text(r), null));
            }
        }
    }

    /** Writes a bare chat text ({@code _chat.txt} / {@code WhatsApp Chat with ...txt} content). */
    public static void writeText(Writer out, Options o) throws IOException {
        generate(o, m -> render(out, m, o.layout()));
        out.flush();
    }

    /** Writes a ZIP export: the chat file plus every attachment it mentions. */
    public static void writeZip(OutputStream out, Options o) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        String chatName = o.layout().ios() ? "_chat.txt" : "WhatsApp Chat with Sample Group.txt";
        zip.putNextEntry(entry(chatName, o));
        Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8), 1 << 16);
        List<String> media = new ArrayList<>();
        generate(o, m -> {
            render(w, m, o.layout());
            if (m.attachment() != null) {
                media.add(m.attachment());
            }
        });
        w.flush();
        zip.closeEntry();
        int n = 0;
        for (String name : media) {
            zip.putNextEntry(entry(name, o));
            zip.write(name.endsWith(".png") ? png(o.seed() + n) : jpegWithExif(o.seed() + n));
            zip.closeEntry();
            n++;
        }
        zip.finish();
        out.flush();
    }

    /** An entry stamped with the export's start time, not the clock: the same options give the same bytes. */
    private static ZipEntry entry(String name, Options o) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(o.start());
        return e;
    }

    /** Renders one message in a layout (lines end with {@code \n}). */
    public static void render(Writer out, SampleMessage m, Layout layout) throws IOException {
        out.write(layout.header(m.time()));
        if (m.author() != null) {
            out.write(m.author());
            out.write(": ");
        }
        if (m.attachment() != null) {
            out.write(layout.attachment(m.attachment()));
            if (m.text() != null) {
                out.write('\n');
                out.write(m.text());
            }
        } else if (m.author() == null && layout.ios()) {
            out.write(m.text()); // old iOS: authorless notices
        } else {
            out.write(m.text());
        }
        out.write('\n');
    }

    private static int pickAuthor(SplittableRandom r) {
        // a few people write most of the messages
        int x = r.nextInt(100);
        if (x < 30) {
            return 0;
        }
        if (x < 50) {
            return 1;
        }
        if (x < 65) {
            return 2;
        }
        return 3 + r.nextInt(AUTHORS.length - 3);
    }

    private static String text(SplittableRandom r) {
        String[] lang = PHRASES[r.nextInt(100) < 40 ? 0 : r.nextInt(PHRASES.length)];
        int kind = r.nextInt(100);
        String base = lang[r.nextInt(lang.length)];
        if (kind < 8) {
            return base + " " + LINKS[r.nextInt(LINKS.length)];
        }
        if (kind < 16) {
            return base + "\n" + lang[r.nextInt(lang.length)] + (r.nextBoolean() ? "\n\n" + lang[r.nextInt(lang.length)] : "");
        }
        if (kind < 26) {
            return base + " " + EMOJI[r.nextInt(EMOJI.length)] + EMOJI[r.nextInt(EMOJI.length)];
        }
        if (kind < 30) {
            return EMOJI[r.nextInt(EMOJI.length)];
        }
        if (kind < 32) {
            return base + " <This message was edited>";
        }
        if (kind < 33) {
            return "This message was deleted";
        }
        if (kind < 34) {
            return base + " mail me at someone" + r.nextInt(100) + "@example.com";
        }
        return base;
    }

    private static String encryptionNotice(Layout layout) {
        return layout == Layout.ANDROID_PT_BR
                ? "As mensagens e ligações são protegidas com a criptografia de ponta a ponta. Saiba mais"
                : "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
                + "can read or listen to them. Tap to learn more.";
    }

    private static String systemNotice(SplittableRandom r, String author) {
        return switch (r.nextInt(4)) {
            case 0 -> author + " joined using this group's invite link";
            case 1 -> author + " left";
            case 2 -> author + " changed the group description";
            default -> author + " changed this group's icon";
        };
    }

    private static String mediaName(Layout layout, LocalDateTime t, int n, String ext) {
        if (layout.ios()) {
            return String.format("%08d-PHOTO-%04d-%02d-%02d-%02d-%02d-%02d.%s", n, t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), ext);
        }
        return String.format("IMG-%04d%02d%02d-WA%04d.%s", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                n % 10000, ext);
    }

    /** A small real JPEG with an EXIF APP1 segment (fake GPS) right after SOI. */
    public static byte[] jpegWithExif(long seed) {
        byte[] jpeg = image(seed, "jpg");
        byte[] exif = "Exif\0\0MM\0*\0\0\0\bGPSLatitude=-23.5505;GPSLongitude=-46.6333".getBytes(StandardCharsets.ISO_8859_1);
        int len = exif.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + len + 2);
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >>> 8);
        out.write(len & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    public static byte[] png(long seed) {
        return image(seed, "png");
    }

    private static byte[] image(long seed, String format) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Color c = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                img.setRGB(x, y, (x + y) % 4 == 0 ? 0xFFFFFF : c.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Lets a writer flush into the ZIP without closing the entry stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

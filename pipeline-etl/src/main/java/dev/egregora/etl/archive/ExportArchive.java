package dev.egregora.etl.archive;

import dev.egregora.core.EgregoraException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An opened chat export: a WhatsApp ZIP (chat file found by content, media beside it) or a bare chat {@code .txt}.
 * Checks ZIP safety when opening (entry names, entry count, sizes, compression ratio) and again while streaming,
 * so a lying central directory cannot inflate past the caps. The chat can be opened more than once (the parser
 * reads it twice when the date order is detected). Not thread-safe.
 */
public final class ExportArchive implements AutoCloseable {
    private final Path path;
    private final ZipFile zip;          // null for a bare .txt
    private final ZipEntry chatEntry;   // null for a bare .txt
    private final String chatFileName;
    /** Entry name by base name, case-insensitive; for a flat export both are one String (no copy per entry). */
    private final Map<String, String> media;
    private final ArchiveLimits limits;

    private ExportArchive(Path path, ZipFile zip, ZipEntry chatEntry, String chatFileName,
                          Map<String, String> media, ArchiveLimits limits) {
        this.path = path;
        this.zip = zip;
        this.chatEntry = chatEntry;
        this.chatFileName = chatFileName;
        this.media = media;
        this.limits = limits;
    }

    /** Opens {@code path} (ZIP or text); every problem is an {@link EgregoraException} naming the file. */
    public static ExportArchive open(Path path, ArchiveLimits limits) {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(4);
        } catch (NoSuchFileException e) {
            throw new EgregoraException(path + ": no such file");
        } catch (IOException e) {
            throw new EgregoraException(path + ": cannot read: " + e.getMessage(), e);
        }
        boolean zipMagic = head.length >= 2 && head[0] == 'P' && head[1] == 'K';
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!zipMagic) {
            if (lower.endsWith(".zip")) {
                throw new EgregoraException(path + ": not a ZIP file (no ZIP signature)");
            }
            ChatSniffer.Verdict v = sniffFile(path);
            if (v != ChatSniffer.Verdict.CHAT) {
                throw new EgregoraException(path + ": " + v.reason());
            }
            return new ExportArchive(path, null, null, path.getFileName().toString(), Map.of(), limits);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new EgregoraException(path + ": not a valid ZIP (truncated or corrupt: " + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new EgregoraException(path + ": cannot open: " + e.getMessage(), e);
        }
        try {
            return fromZip(path, zip, limits);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static ExportArchive fromZip(Path path, ZipFile zip, ArchiveLimits limits) {
        List<ZipEntry> candidates = new ArrayList<>();
        // bookkeeping per entry is one tree node: the JDK keeps the central directory, we keep no ZipEntry
        Map<String, String> media = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        long total = 0;
        int count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            count++;
            if (count > limits.maxEntries()) {
                throw new EgregoraException(path + ": more than " + limits.maxEntries() + " entries (zip bomb?)");
            }
            String name = e.getName();
            checkName(path, name);
            if (e.isDirectory()) {
                continue;
            }
            long size = e.getSize();
            long csize = e.getCompressedSize();
            if (size > limits.maxEntryBytes()) {
                throw new EgregoraException(path + ": entry " + shown(name) + " is " + size + " bytes, over the limit of "
                        + limits.maxEntryBytes());
            }
            if (size > 0 && csize > 0 && size / Math.max(csize, 1) > limits.maxRatio() && size > 1 << 20) {
                throw new EgregoraException(path + ": entry " + shown(name) + " expands " + (size / csize)
                        + ":1, over the ratio limit of " + limits.maxRatio() + ":1 (zip bomb?)");
            }
            total += Math.max(size, 0);
            if (total > limits.maxTotalBytes()) {
                throw new EgregoraException(path + ": more than " + limits.maxTotalBytes()
                        + " bytes uncompressed (zip bomb?)");
            }
            String base = baseName(name);
            if (name.startsWith("__MACOSX/") || base.startsWith("._") || base.startsWith(".")) {
                continue;
            }
            if (base.toLowerCase(Locale.ROOT).endsWith(".txt")) {
                candidates.add(e);
            }
            media.putIfAbsent(base, name);
        }
        List<ZipEntry> chats = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (ZipEntry c : candidates) {
            ChatSniffer.Verdict v;
            try (InputStream in = new CappedInputStream(zip.getInputStream(c), c.getName(), path, limits)) {
                v = ChatSniffer.sniff(in);
            } catch (IOException ex) {
                throw new EgregoraException(path + ": cannot read " + shown(c.getName()) + ": " + ex.getMessage(), ex);
            }
            if (v == ChatSniffer.Verdict.CHAT) {
                chats.add(c);
            } else {
                rejected.add(shown(c.getName()) + " (" + v.reason() + ")");
            }
        }
        if (chats.isEmpty()) {
            throw new EgregoraException(path + ": no WhatsApp chat file found"
                    + (rejected.isEmpty() ? " (no .txt entry)" : " (looked at: " + String.join(", ", rejected) + ")"));
        }
        if (chats.size() > 1) {
            List<String> names = chats.stream().map(z -> shown(z.getName())).toList();
            throw new EgregoraException(path + ": several chat files " + names
                    + "; export one chat per ZIP or extract the one to ingest");
        }
        ZipEntry chat = chats.get(0);
        media.remove(baseName(chat.getName()));
        return new ExportArchive(path, zip, chat, baseName(chat.getName()), media, limits);
    }

    private static void checkName(Path path, String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':') || n.equals("..") || n.startsWith("../")
                || n.contains("/../") || n.endsWith("/..") || n.indexOf('\0') >= 0) {
            throw new EgregoraException(path + ": unsafe entry name '" + shown(name) + "' (path traversal)");
        }
    }

    private static ChatSniffer.Verdict sniffFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return ChatSniffer.sniff(in);
        } catch (IOException e) {
            throw new EgregoraException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** An entry name as shown in an error: control characters escaped, so the message stays one line. */
    static String shown(String entryName) {
        StringBuilder sb = new StringBuilder(entryName.length());
        entryName.codePoints().limit(200).forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return entryName.codePointCount(0, entryName.length()) > 200 ? sb + "..." : sb.toString();
    }

    static String baseName(String entryName) {
        String n = entryName.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /** The export file. */
    public Path path() {
        return path;
    }

    /** File name of the chat inside the export, e.g. {@code _chat.txt} or {@code WhatsApp Chat with X.txt}. */
    public String chatFileName() {
        return chatFileName;
    }

    /** The chat's name: from a localized chat file name, else the ZIP's name, else the file stem. */
    public String chatName() {
        return ChatNames.of(chatFileName, path.getFileName().toString());
    }

    /** A fresh stream over the chat text (size-capped). */
    public InputStream openChat() throws IOException {
        if (zip == null) {
            return Files.newInputStream(path);
        }
        return new CappedInputStream(zip.getInputStream(chatEntry), chatEntry.getName(), path, limits);
    }

    /** A media entry by base name (case-insensitive), if the export holds it. */
    public Optional<String> mediaEntry(String fileName) {
        return Optional.ofNullable(media.get(fileName));
    }

    /** A fresh, size-capped stream over a media entry found with {@link #mediaEntry}. */
    public InputStream openEntry(String entryName) throws IOException {
        ZipEntry e = zip.getEntry(entryName);
        if (e == null) {
            throw new IOException("no entry " + entryName);
        }
        return new CappedInputStream(zip.getInputStream(e), entryName, path, limits);
    }

    @Override
    public void close() {
        if (zip != null) {
            closeQuietly(zip);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only; nothing to lose
        }
    }

    /** Stops inflation past the per-entry cap whatever the central directory claims. */
    private static final class CappedInputStream extends FilterInputStream {
        private final String entry;
        private final Path path;
        private final long cap;
        private long read;

        CappedInputStream(InputStream in, String entry, Path path, ArchiveLimits limits) {
            super(in);
            this.entry = entry;
            this.path = path;
            this.cap = limits.maxEntryBytes();
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count(1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (ZipException | java.io.EOFException e) {
                throw new EgregoraException(path + ": entry " + shown(entry) + " is corrupt or truncated: " + e.getMessage(), e);
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > cap) {
                throw new EgregoraException(path + ": entry " + shown(entry) + " inflates past " + cap + " bytes (zip bomb?)");
            }
        }
    }
}

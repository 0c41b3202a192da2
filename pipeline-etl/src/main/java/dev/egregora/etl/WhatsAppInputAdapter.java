package dev.egregora.etl;

import com.google.inject.Inject;
import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Ids;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.MessageKind;
import dev.egregora.core.port.InputAdapter;
import dev.egregora.core.store.Workspace;
import dev.egregora.etl.archive.ExportArchive;
import dev.egregora.etl.classify.Body;
import dev.egregora.etl.classify.BodyClassifier;
import dev.egregora.etl.classify.Command;
import dev.egregora.etl.media.MediaCopier;
import dev.egregora.etl.media.MediaStore;
import dev.egregora.etl.parse.ChatParser;
import dev.egregora.etl.parse.ParseStats;
import dev.egregora.etl.parse.ParsedMessage;
import dev.egregora.etl.privacy.ContactMasker;
import dev.egregora.etl.privacy.PseudonymRegistry;
import dev.egregora.etl.store.AuthorRow;
import dev.egregora.etl.store.CommandRow;
import dev.egregora.etl.store.IngestStore;
import dev.egregora.etl.store.LoadPath;
import dev.egregora.etl.store.MessageRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * WhatsApp exports (ZIP or bare .txt) into {@code authors}, {@code media} and {@code messages}, in one transaction.
 *
 * <p>Streaming: the chat is read twice at most (once over the headers to decide the date order when it is AUTO,
 * once to parse), never held whole in memory; rows go to DuckDB through the appender as they are parsed.
 * Privacy: authors get UUIDv5 ids ({@link Ids#authorId}) and generated pseudonyms, unique in the database and
 * never changed once stored ({@link PseudonymRegistry}), real names go only to
 * {@code authors.real_name}, phone numbers and e-mail addresses in text are masked unless the request says not to,
 * and {@code @mentions} become pseudonyms. Idempotent: message ids are stable, so re-ingesting adds nothing and a
 * later overlapping export adds only its new messages. Thread-safe (no mutable state; each ingest has its own).
 */
public final class WhatsAppInputAdapter implements InputAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInputAdapter.class);
    private static final String[] KINDS = java.util.Arrays.stream(MessageKind.values()).map(MessageKind::dbValue)
            .toArray(String[]::new);

    private final EtlOptions options;

    /**
     * The defaults; the system property {@code egregora.etl.chunkRows} (benchmarking only) sets
     * {@link EtlOptions#chunkRows()}.
     */
    @Inject
    public WhatsAppInputAdapter() {
        this(Integer.getInteger("egregora.etl.chunkRows") == null ? EtlOptions.DEFAULTS
                : EtlOptions.DEFAULTS.withChunkRows(Integer.getInteger("egregora.etl.chunkRows")));
    }

    public WhatsAppInputAdapter(EtlOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The chat id of a chat name: {@code wa-} and 16 hex digits of a hash (a name may be a person's name). */
    public static String chatId(String chatName) {
        String n = Normalizer.normalize(chatName, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return "wa-" + Ids.sha256Hex("whatsapp-chat:" + n).substring(0, 16);
    }

    @Override
    public IngestSummary ingest(Workspace workspace, Request request) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(request, "request");
        ZoneId zone = request.zone() != null ? request.zone() : ZoneId.systemDefault();
        DateOrder requested = request.dateOrder() != null ? request.dateOrder() : DateOrder.AUTO;
        ChatParser parser = ChatParser.builder().maxLineBytes(options.maxLineBytes()).build();
        long t0 = System.nanoTime();
        try (ExportArchive archive = ExportArchive.open(request.export(), options.limits())) {
            String chatId = chatId(archive.chatName());
            DateOrder order = requested;
            if (order == DateOrder.AUTO) {
                try (InputStream in = archive.openChat()) {
                    order = parser.detectDateOrder(in);
                } catch (IOException e) {
                    throw new EgregoraException(where(archive) + ": cannot read: " + e.getMessage(), e);
                }
            }
            DateOrder resolved = order;
            long t1 = System.nanoTime();
            Run run = new Run(workspace, archive, chatId, zone, request.maskContacts(), options);
            IngestSummary summary = IngestStore.inTransaction(workspace, () -> run.execute(parser, resolved));
            long t2 = System.nanoTime();
            LOG.debug("ingest wall ms: open and date order {}, parse {}, load {}, authors/media/commands {}, "
                    + "commit {}; process CPU ms: parse {}, load {}", ms(t1 - t0), ms(run.parseNanos),
                    ms(run.loadNanos), ms(run.restNanos), ms(t2 - t1 - run.parseNanos - run.loadNanos - run.restNanos),
                    ms(run.parseCpu), ms(run.loadCpu));
            LOG.info("ingested {}: {} messages read, {} added, {} authors, {} media files",
                    archive.chatFileName(), summary.messagesRead(), summary.messagesAdded(), summary.authors(),
                    summary.mediaFiles());
            return summary;
        }
    }

    private static long processCpu() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static String where(ExportArchive archive) {
        String file = archive.path().toString();
        return archive.chatFileName().equals(archive.path().getFileName().toString())
                ? file : file + "!" + archive.chatFileName();
    }

    /** The state of one ingest. */
    private static final class Run {
        private final Workspace ws;
        private final ExportArchive archive;
        private final String chatId;
        private final ZoneId zone;
        private final boolean mask;
        private final EtlOptions options;
        private final WallClock clock;
        private final MessageIds ids;
        private MediaCopier media;
        private PseudonymRegistry pseudonyms;
        private final Map<String, AuthorRow> authors = new LinkedHashMap<>();
        private final Map<String, String> authorIdByName = new HashMap<>();
        private final List<CommandRow> commands = new ArrayList<>();
        private final List<Long> sameTime = new ArrayList<>();
        private LocalDateTime occurrenceTime;
        private MessageRows rows;
        private final boolean csv;
        private long index;
        private long read;
        private long system;
        private long parseNanos;
        private long loadNanos;
        private long restNanos;
        private long parseCpu;
        private long loadCpu;

        Run(Workspace ws, ExportArchive archive, String chatId, ZoneId zone, boolean mask, EtlOptions options) {
            this.ws = ws;
            this.archive = archive;
            this.chatId = chatId;
            this.zone = zone;
            this.mask = mask;
            this.options = options;
            this.clock = new WallClock(zone);
            this.ids = new MessageIds(chatId);
            this.csv = options.loadPath() == LoadPath.CSV; // DuckDB computes text_bytes itself on that path
        }

        IngestSummary execute(ChatParser parser, DateOrder order) {
            Map<String, String> stored = IngestStore.storedPseudonyms(ws);
            pseudonyms = new PseudonymRegistry(stored);
            ParseStats stats;
            List<MediaItem> mediaItems;
            try (MediaCopier m = new MediaCopier(archive, new MediaStore(ws.site(), options.stripMetadata()),
                    where(archive), options.copyMedia());
                 MessageRows r = MessageRows.open(ws, chatId, options.loadPath(), m, options.chunkRows())) {
                media = m;
                rows = r;
                long t0 = System.nanoTime();
                long c0 = processCpu();
                try (InputStream in = archive.openChat()) {
                    stats = parser.parse(in, order, this::accept);
                } catch (IOException e) {
                    throw new EgregoraException(where(archive) + ": cannot read: " + e.getMessage(), e);
                } catch (UncheckedIOException e) {
                    throw new EgregoraException(where(archive) + ": cannot read: " + e.getCause().getMessage(), e);
                }
                long t1 = System.nanoTime();
                long c1 = processCpu();
                parseNanos = t1 - t0;
                parseCpu = c1 - c0;
                r.flush();
                mediaItems = m.items();
                loadNanos = System.nanoTime() - t1;
                loadCpu = processCpu() - c1;
            }
            if (stats.messages() == 0) {
                throw new EgregoraException(where(archive) + ": no messages found in " + stats.lines()
                        + " lines (not a WhatsApp chat, or an unknown date layout)");
            }
            long t2 = System.nanoTime();
            IngestStore.insertNewAuthors(ws,
                    authors.values().stream().filter(a -> !stored.containsKey(a.id())).toList());
            IngestStore.insertMedia(ws, mediaItems);
            IngestStore.applyCommands(ws, commands);
            restNanos = System.nanoTime() - t2;
            return new IngestSummary(chatId, read, rows.added(), authors.size(), mediaItems.size(), system,
                    stats.invalidUtf8(), stats.skipped(), zone, order);
        }

        private void accept(ParsedMessage m) {
            read++;
            String authorId = null;
            if (m.author() != null) {
                authorId = authorIdByName.get(m.author());
                if (authorId == null) {
                    authorId = Ids.authorId(m.author());
                    authorIdByName.put(m.author(), authorId);
                    String id = authorId;
                    authors.computeIfAbsent(authorId,
                            k -> new AuthorRow(id, chatId, pseudonyms.pseudonymOf(id), m.author()));
                }
            }
            MessageKind kind;
            Body body;
            if (m.system()) {
                system++;
                kind = MessageKind.SYSTEM;
                body = new Body(m.text(), null, false, false, false, null);
            } else {
                body = BodyClassifier.classify(m.text());
                kind = body.command() != null ? MessageKind.COMMAND : MessageKind.USER;
            }
            int mediaSlot = body.attachment() == null ? -1 : media.slot(body.attachment());
            if (!m.time().equals(occurrenceTime)) {
                if (occurrenceTime != null && m.time().isBefore(occurrenceTime)) {
                    rows.timeWentBack(); // an identical message may now come outside its same-time run
                }
                sameTime.clear();
                occurrenceTime = m.time();
            }
            // identical (time, author, text) messages get occurrence 0, 1, ...: hash again only on a repeat
            String raw = m.text();
            int occurrence = 0;
            String id = ids.id(m.time(), authorId, raw, occurrence);
            while (sameTime.contains(ids.lastPrefix())) {
                id = ids.id(m.time(), authorId, raw, ++occurrence);
            }
            sameTime.add(ids.lastPrefix());
            // mentions become pseudonyms even when contacts are not masked: a name is never published
            String text = mask ? ContactMasker.mask(body.text(), this::mentioned)
                    : ContactMasker.mentionsOnly(body.text(), this::mentioned);
            boolean added = rows.add(ids.lastPrefix(), id, clock.epochMicros(m.time()), index++, authorId,
                    KINDS[kind.ordinal()], text, csv ? -1 : Utf8Length.of(text), mediaSlot, body.attachment(), body.edited(),
                    body.deleted(), m.line());
            if (added && body.command() != null && authorId != null) {
                commands.add(new CommandRow(id, authorId, body.command().action(), body.command().value()));
            } else if (added && body.command() != null && Command.UNKNOWN.equals(body.command().action())) {
                LOG.debug("unknown command at line {}", m.line());
            }
        }

        /** A mentioned person's pseudonym: an author's own, or reserved now (no row unless they write later). */
        private String mentioned(String name) {
            return pseudonyms.pseudonymOf(Ids.authorId(name));
        }
    }
}

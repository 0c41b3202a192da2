package dev.egregora.etl.media;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.MediaItem;
import dev.egregora.etl.archive.ExportArchive;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Copies the attachments of one ingest into the site's media folder on a worker thread while the parse goes on.
 * Each distinct attachment name the chat mentions gets a <em>slot</em> (0, 1, … in order of first mention) whose
 * stored media id is known once its copy is done. {@link #slot} is called by one thread (the parser);
 * {@link #id} and {@link #items} may be called from any thread. A failed copy fails whoever asks for its id (the
 * ingest then rolls back). {@link #close} waits for the worker, so no file is written after an ingest returns.
 */
public final class MediaCopier implements AutoCloseable {
    private final ExportArchive archive;
    private final MediaStore store;
    private final String where;
    private final boolean enabled;
    private final Map<String, Integer> slotByName = new HashMap<>();
    private final List<Future<MediaItem>> slots = Collections.synchronizedList(new ArrayList<>());
    private ExecutorService worker;

    /**
     * @param where   the export as named in errors
     * @param enabled false: nothing is copied, every attachment has no slot
     */
    public MediaCopier(ExportArchive archive, MediaStore store, String where, boolean enabled) {
        this.archive = archive;
        this.store = store;
        this.where = where;
        this.enabled = enabled;
    }

    /** The slot of an attachment (its copy started on first mention), or -1 when the export does not hold it. */
    public int slot(String name) {
        if (!enabled) {
            return -1;
        }
        Integer known = slotByName.get(name);
        if (known != null) {
            return known;
        }
        int slot = archive.mediaEntry(name).map(entry -> {
            if (worker == null) {
                worker = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "etl-media");
                    t.setDaemon(true);
                    return t;
                });
            }
            slots.add(CompletableFuture.supplyAsync(() -> copy(name, entry), worker));
            return slots.size() - 1;
        }).orElse(-1);
        slotByName.put(name, slot);
        return slot;
    }

    /** Slots handed out so far. */
    public int slots() {
        return slots.size();
    }

    /** The media id stored for a slot, waiting for its copy; null for -1. */
    public String id(int slot) {
        return slot < 0 ? null : await(slots.get(slot)).id();
    }

    /** Every stored file, once, in order of first mention (waits for all copies). */
    public List<MediaItem> items() {
        Map<String, MediaItem> byId = new LinkedHashMap<>();
        for (int i = 0; i < slots(); i++) {
            MediaItem item = await(slots.get(i));
            byId.putIfAbsent(item.id(), item);
        }
        return List.copyOf(byId.values());
    }

    private MediaItem copy(String name, String entry) {
        try (InputStream in = archive.openEntry(entry)) {
            return store.store(name, in, -1);
        } catch (IOException e) {
            throw new EgregoraException(where + ": cannot read media " + entry + ": " + e.getMessage(), e);
        }
    }

    private static MediaItem await(Future<MediaItem> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null
                    ? ce.getCause() : e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new EgregoraException("cannot store media: " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EgregoraException("interrupted while storing media", e);
        }
    }

    /** Stops copying what has not started and waits for the copy in progress. */
    @Override
    public void close() {
        if (worker == null) {
            return;
        }
        worker.shutdownNow();
        try {
            worker.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

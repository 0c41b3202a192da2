package dev.egregora.git;

import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reader that keeps the last few hundred tree objects inflated. Diffing commit after commit in walk order reads
 * every tree twice (as a commit's tree, then as its child's parent tree); this halves the inflating. One per worker
 * thread; not thread-safe.
 */
final class TreeCachingReader extends ObjectReader.Filter {
    private final ObjectReader delegate;
    private final Map<ObjectId, byte[]> trees;

    TreeCachingReader(ObjectReader delegate, int capacity) {
        this.delegate = delegate;
        this.trees = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<ObjectId, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    protected ObjectReader delegate() {
        return delegate;
    }

    @Override
    public ObjectLoader open(AnyObjectId id, int typeHint) throws IOException {
        if (typeHint != Constants.OBJ_TREE) {
            return delegate.open(id, typeHint);
        }
        byte[] raw = trees.get(id);
        if (raw == null) {
            raw = delegate.open(id, typeHint).getCachedBytes();
            trees.put(id.copy(), raw);
        }
        return new ObjectLoader.SmallObject(Constants.OBJ_TREE, raw);
    }

    @Override
    public ObjectReader newReader() {
        return new TreeCachingReader(delegate.newReader(), 256);
    }
}

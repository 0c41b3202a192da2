package dev.egregora.cli.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.egregora.core.EgregoraException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Unified text diffs of files, the way {@code git diff} shows them; files that are not UTF-8 text are binary. */
public final class TextDiff {
    private TextDiff() {
    }

    /**
     * The unified diff of one changed, added or removed file, or empty when either side is binary (not valid UTF-8,
     * or holds a NUL byte). Added files diff against {@code /dev/null}, like git.
     */
    public static Optional<List<String>> unified(SiteDiff diff, FileChange change, int context) {
        Optional<String> a = change.kind() == FileChange.Kind.ADDED ? Optional.of("") : text(diff.a().resolve(change.path()));
        Optional<String> b = change.kind() == FileChange.Kind.REMOVED ? Optional.of("") : text(diff.b().resolve(change.path()));
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        String nameA = change.kind() == FileChange.Kind.ADDED ? "/dev/null" : "a/" + change.path();
        String nameB = change.kind() == FileChange.Kind.REMOVED ? "/dev/null" : "b/" + change.path();
        return Optional.of(unified(nameA, nameB, a.get(), b.get(), context));
    }

    /** The unified diff of two texts; when they differ only in line endings, one explanatory line. */
    public static List<String> unified(String nameA, String nameB, String a, String b, int context) {
        List<String> la = lines(a);
        List<String> lb = lines(b);
        Patch<String> patch = DiffUtils.diff(la, lb);
        if (patch.getDeltas().isEmpty()) {
            if (a.equals(b)) {
                return List.of();
            }
            return List.of("--- " + nameA, "+++ " + nameB, "(the texts differ only in line endings or the final newline)");
        }
        return new ArrayList<>(UnifiedDiffUtils.generateUnifiedDiff(nameA, nameB, la, patch, context));
    }

    /** Lines split at {@code \n} only, so that a changed {@code \r} still shows. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }

    /** The file as UTF-8 text, or empty when it is binary. */
    static Optional<String> text(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EgregoraException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return text(bytes);
    }

    static Optional<String> text(byte[] bytes) {
        for (byte x : bytes) {
            if (x == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}

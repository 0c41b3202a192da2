package dev.egregora.git;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds code references in chat text: commit SHAs (7-40 hex digits that name exactly one loaded commit) and
 * repository file paths that existed on the default branch at the message's time, and turns them into GitHub links
 * when the remote is on GitHub ({@code https://github.com/OWNER/REPO/commit/SHA},
 * {@code https://github.com/OWNER/REPO/blob/SHA/PATH}), plain text otherwise.
 *
 * <p>Linear time in the text length: one pass splits the text into maximal runs of path characters (letters,
 * digits, {@code _ - . /}); each run is checked once (hex run: a binary search over the SHAs; path run: a binary
 * search over the known paths). A regex {@code find()} with a path pattern would restart at every character of a
 * long run and go quadratic on a 1 MB line. Immutable and thread-safe.
 */
public final class CodeReferenceDetector {
    /** GitHub remotes: https, ssh (scp-like or URL) and git protocol. */
    private static final Pattern GITHUB = Pattern.compile(
            "^(?:https?://(?:[^@/]+@)?|ssh://git@|git@|git://)github\\.com[:/]([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?$");
    private static final int MIN_SHA = 7;
    private static final int MAX_SHA = 40;

    private final GitHistoryResolver resolver;
    private final String githubBase;

    public CodeReferenceDetector(GitHistoryResolver resolver, String remoteUrl) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.githubBase = githubBase(remoteUrl).orElse(null);
    }

    /** {@code https://github.com/OWNER/REPO} for a GitHub remote URL. */
    public static Optional<String> githubBase(String remoteUrl) {
        if (remoteUrl == null) {
            return Optional.empty();
        }
        Matcher m = GITHUB.matcher(remoteUrl.strip());
        return m.matches() ? Optional.of("https://github.com/" + m.group(1) + "/" + m.group(2)) : Optional.empty();
    }

    /** {@code https://github.com/OWNER/REPO} when the repository's remote is on GitHub. */
    public Optional<String> githubBase() {
        return Optional.ofNullable(githubBase);
    }

    /** The references in {@code text}, a message written at {@code at}, in text order. */
    public List<CodeReference> find(String text, Instant at) {
        List<CodeReference> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isPathChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isPathChar(text.charAt(i))) {
                i++;
            }
            classify(text, start, i, at, out);
        }
        return out;
    }

    /**
     * {@code text} with every reference turned into a Markdown link when the remote is on GitHub (a reference in a
     * code span keeps its backticks inside the link text); unchanged otherwise.
     */
    public String link(String text, Instant at) {
        if (githubBase == null) {
            return text;
        }
        List<CodeReference> refs = find(text, at);
        if (refs.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + refs.size() * 80);
        int last = 0;
        for (CodeReference r : refs) {
            int s = r.start();
            int e = r.end();
            if (s > 0 && e < text.length() && text.charAt(s - 1) == '`' && text.charAt(e) == '`') {
                s--;
                e++;
            }
            if (s > 0 && text.charAt(s - 1) == '[') {
                continue; // already a link text
            }
            sb.append(text, last, s).append('[').append(text, s, e).append("](").append(r.url()).append(')');
            last = e;
        }
        return sb.append(text, last, text.length()).toString();
    }

    /**
     * The part of the run {@code [start, end)} that can be a reference: sentence punctuation ({@code . - /}) trimmed
     * from its end, a leading {@code ./} or {@code /} from its start; {@code {start, end}}.
     */
    static int[] trim(CharSequence text, int start, int end) {
        while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-'
                || text.charAt(end - 1) == '/')) {
            end--;
        }
        while (end - start >= 2 && text.charAt(start) == '.' && text.charAt(start + 1) == '/') {
            start += 2;
        }
        while (start < end && text.charAt(start) == '/') {
            start++;
        }
        return new int[] {start, end};
    }

    private void classify(String text, int runStart, int runEnd, Instant at, List<CodeReference> out) {
        int[] span = trim(text, runStart, runEnd);
        int start = span[0];
        int end = span[1];
        int len = end - start;
        if (len == 0) {
            return;
        }
        if (len >= MIN_SHA && len <= MAX_SHA && isHex(text, start, end)) {
            String token = text.substring(start, end);
            int c = resolver.commitIndex(token);
            if (c >= 0) {
                String sha = resolver.commit(token).orElseThrow().sha();
                String url = githubBase == null ? null : githubBase + "/commit/" + sha;
                out.add(new CodeReference(start, end, CodeReference.Kind.COMMIT, token, sha, null, url));
            }
            return;
        }
        if (len > 4096) {
            return; // no repository path is that long
        }
        String token = text.substring(start, end);
        if (!resolver.isKnownPath(token) || !resolver.existsAt(token, at)) {
            return;
        }
        Optional<CommitInfo> head = resolver.at(at);
        if (head.isEmpty()) {
            return;
        }
        String sha = head.get().sha();
        String url = githubBase == null ? null : githubBase + "/blob/" + sha + "/" + encodePath(token);
        out.add(new CodeReference(start, end, CodeReference.Kind.FILE, token, sha, token, url));
    }

    static boolean isPathChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.' || c == '/';
        }
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** Percent-encodes each path segment (UTF-8), keeping {@code /} and RFC 3986 unreserved characters. */
    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}

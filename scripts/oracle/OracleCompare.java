// Side-by-side harness: our parser vs the npm oracle whatsapp-chat-parser@4.0.2. Single-file Java program, run by
// scripts/oracle/compare.sh (which builds the class path and installs the oracle into a scratch folder).
//
//   java -cp <etl classpath> OracleCompare.java bench <file> <oracle-dir> [runs]
//   java -cp <etl classpath> OracleCompare.java diff <oracle-dir> <file>...
//
// "bench" parses the same file with both parsers in one run and prints medians and the speed ratio.
// "diff" compares (wall-clock datetime, author, text) message by message after the normalisations of
// whatsapp-formats.md §3.5 (BOM stripped before the oracle sees the file (D1), one trailing \n trimmed (D2), bidi marks
// and BOMs removed from oracle text (D9)) and sorts every difference into a known deviation or "UNEXPLAINED".
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egregora.core.port.InputAdapter.DateOrder;
import dev.egregora.etl.parse.ChatParser;
import dev.egregora.etl.parse.ParsedMessage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class OracleCompare {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("bench")) {
            bench(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 5);
        } else {
            int unexplained = 0;
            for (int i = 2; i < args.length; i++) {
                unexplained += diff(Path.of(args[1]), Path.of(args[i]));
            }
            System.out.println(unexplained == 0 ? "OK: no unexplained deviations" : "UNEXPLAINED deviations: " + unexplained);
            System.exit(unexplained == 0 ? 0 : 1);
        }
    }

    static void bench(Path file, Path oracleDir, int runs) throws Exception {
        // both parsers work on the file read into memory once (the oracle times parseString on a string)
        byte[] data = Files.readAllBytes(file);
        long bytes = data.length;
        ChatParser parser = ChatParser.standard();
        DateOrder order = parser.detectDateOrder(new ByteArrayInputStream(data));
        double[] ours = new double[runs];
        long messages = 0;
        for (int w = 0; w < 3; w++) { // warm-up
            parser.parse(new ByteArrayInputStream(data), order, m -> { });
        }
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long[] n = {0};
            DateOrder o = parser.detectDateOrder(new ByteArrayInputStream(data)); // the oracle detects too
            parser.parse(new ByteArrayInputStream(data), o, m -> n[0]++);
            ours[i] = (System.nanoTime() - t0) / 1e9;
            messages = n[0];
        }
        Arrays.sort(ours);
        double oursMedian = ours[runs / 2];
        Process p = new ProcessBuilder("node", Path.of("scripts/oracle/oracle-bench.cjs").toString(), file.toString(),
                String.valueOf(runs)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("oracle failed: " + out);
        }
        JsonNode o = new ObjectMapper().readTree(out);
        double oracleMedian = o.get("median_s").asDouble();
        System.out.printf("file %s: %.1f MB%n", file, bytes / 1e6);
        System.out.printf("ours   (egregora ChatParser, from memory, incl. date-order pass): median %.3f s  %6.1f MB/s  %5.2f M msg/s  (%d messages)%n",
                oursMedian, bytes / 1e6 / oursMedian, messages / 1e6 / oursMedian, messages);
        System.out.printf("oracle (%s, node %s): median %.3f s  %6.1f MB/s  %5.2f M msg/s  (%d messages)%n",
                o.get("parser").asText(), nodeVersion(), oracleMedian, bytes / 1e6 / oracleMedian,
                o.get("messages").asLong() / 1e6 / oracleMedian, o.get("messages").asLong());
        System.out.printf("ratio: ours is %.1fx faster%n", oracleMedian / oursMedian);
    }

    static String nodeVersion() throws Exception {
        Process p = new ProcessBuilder("node", "--version").start();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    record Row(String datetime, String author, String text) {
    }

    static int diff(Path oracleDir, Path file) throws Exception {
        byte[] raw = Files.readAllBytes(file);
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // D1
        }
        Path tmp = Files.createTempFile("oracle-input", ".txt");
        Files.writeString(tmp, text);
        ProcessBuilder pb = new ProcessBuilder("node", "/work/shared/tools/whatsapp-oracle.cjs", tmp.toString());
        pb.environment().put("TZ", "UTC");
        pb.environment().put("NODE_PATH", oracleDir.resolve("node_modules").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("oracle failed on " + file + ": " + err);
        }
        Files.delete(tmp);
        List<Row> theirs = new ArrayList<>();
        for (JsonNode m : new ObjectMapper().readTree(out).get("messages")) {
            String t = m.get("message").asText();
            if (t.endsWith("\n")) {
                t = t.substring(0, t.length() - 1); // D2
            }
            t = t.replaceAll("[\\uFEFF\\u200E\\u200F\\u202A-\\u202E]", "").strip(); // D9
            theirs.add(new Row(m.get("datetime").isNull() ? null : m.get("datetime").asText(),
                    m.get("author").isNull() ? null
                            : m.get("author").asText().replaceAll("[\\uFEFF\\u200E\\u200F\\u202A-\\u202E]", "").strip(), t));
        }
        ChatParser parser = ChatParser.builder().keepEmpty(true).build();
        List<Row> ours = new ArrayList<>();
        for (ParsedMessage m : parser.parse(new String(raw, StandardCharsets.UTF_8), DateOrder.AUTO)) {
            String dt = m.time().toString();
            if (dt.length() == 16) {
                dt += ":00";
            }
            ours.add(new Row(dt, m.author(), m.text()));
        }
        int unexplained = 0;
        int explained = 0;
        int i = 0;
        int j = 0;
        List<String> report = new ArrayList<>();
        while (i < ours.size() || j < theirs.size()) {
            Row a = i < ours.size() ? ours.get(i) : null;
            Row b = j < theirs.size() ? theirs.get(j) : null;
            if (a != null && a.equals(b)) {
                i++;
                j++;
                continue;
            }
            // resynchronise when one side has extra messages (the oracle merges or drops unrecognised headers)
            int skipTheirs = lookAhead(a, theirs, j);
            int skipOurs = lookAhead(b, ours, i);
            if (a != null && skipTheirs > 0 && (skipOurs < 0 || skipTheirs <= skipOurs)) {
                for (int k = 0; k < skipTheirs; k++) {
                    unexplained += note(report, null, theirs.get(j + k), "D1/D3 (oracle-only message)");
                }
                j += skipTheirs;
                continue;
            }
            if (b != null && skipOurs > 0) {
                for (int k = 0; k < skipOurs; k++) {
                    Row extra = ours.get(i + k);
                    String why = theirs.stream().anyMatch(t -> t.text().contains(extra.text().split("\n")[0]))
                            ? "D3/D6 (oracle glued this line onto the previous message or dropped its header)" : null;
                    unexplained += note(report, extra, null, why);
                }
                i += skipOurs;
                continue;
            }
            String why = explain(a, b);
            unexplained += note(report, a, b, why);
            if (why != null) {
                explained++;
            }
            if (a != null) {
                i++;
            }
            if (b != null && a != null) {
                j++;
            } else if (b != null) {
                j++;
            }
        }
        explained = (int) report.stream().filter(r -> !r.startsWith("  UNEXPLAINED")).count();
        System.out.printf("%s: ours %d, oracle %d messages; %d known deviations, %d unexplained%n", file.getFileName(),
                ours.size(), theirs.size(), explained, unexplained);
        report.stream().limit(12).forEach(System.out::println);
        return unexplained;
    }

    static int note(List<String> report, Row ours, Row theirs, String why) {
        report.add("  " + (why == null ? "UNEXPLAINED" : why) + ": ours=" + ours + " oracle=" + theirs);
        return why == null ? 1 : 0;
    }

    /** How many rows of {@code list} from {@code from} to skip to reach one with {@code r}'s time and author; -1 if none. */
    static int lookAhead(Row r, List<Row> list, int from) {
        if (r == null) {
            return -1;
        }
        for (int k = 1; k <= 3 && from + k < list.size(); k++) {
            Row x = list.get(from + k);
            if (java.util.Objects.equals(x.datetime(), r.datetime()) && java.util.Objects.equals(x.author(), r.author())
                    && x.text().equals(r.text())) {
                return k;
            }
        }
        return -1;
    }

    /** Which known deviation (whatsapp-formats.md §3.5, or ours, documented in docs/etl.md) explains a difference. */
    static String explain(Row ours, Row theirs) {
        if (ours == null || theirs == null) {
            return ours == null ? null : "D6 (oracle does not recognise this header; it merges or drops the line)";
        }
        if (theirs.author() != null && ours.author() == null
                && (theirs.author().contains("\"") || theirs.author().contains("\u201C"))) {
            return "D7 (system line with ': ' inside a quote: oracle takes it as an author)";
        }
        if ("PM".equals(theirs.author()) || "AM".equals(theirs.author())) {
            return "D8 (old iOS 'PM: ': oracle takes the meridiem as the author)";
        }
        if (ours.author() == null && theirs.author() != null && ours.text().equals(theirs.text())) {
            return "E1 (iOS system notice carrying the chat name as author: ours is a system message)";
        }
        if (ours.author() == null && theirs.author() == null && !ours.text().equals(theirs.text())
                && theirs.text().startsWith(ours.text())) {
            return "E2 (a line in another layout after a system line: ours keeps the layout locked)";
        }
        if (theirs.text().startsWith(ours.text() + "\n") && java.util.Objects.equals(ours.author(), theirs.author())) {
            return "D3 (a line starting with U+FEFF: the oracle glues it onto this message)";
        }
        if (ours.datetime() != null && theirs.datetime() != null && java.time.Duration.between(
                java.time.LocalDateTime.parse(ours.datetime()), java.time.LocalDateTime.parse(theirs.datetime()))
                .abs().toHours() == 12) {
            return "D4 (meridiem: ours reads it leniently or before the time; the oracle's time is 12 h off)";
        }
        if (theirs.author() != null && ours.author() != null && theirs.author().endsWith(" - " + ours.author())) {
            return "D4 (a meridiem word the oracle does not know, e.g. vorm./nachm., ends up in the author)";
        }
        if (ours.datetime() != null && theirs.datetime() != null && !ours.datetime().equals(theirs.datetime())) {
            String od = ours.datetime().substring(0, 10);
            String td = theirs.datetime().substring(0, 10);
            if (Integer.parseInt(td.substring(0, 4)) - Integer.parseInt(od.substring(0, 4)) == 543) {
                return "D5 (Buddhist-era year: the oracle keeps 2565)";
            }
            if (od.equals(td)) {
                return "D4 (meridiem before the time or a dotted/CJK/Korean meridiem: the oracle's hour is off by 12)";
            }
            return "D11 (date order: ours decides over the distinct dates of the file, the oracle per line heuristics)";
        }
        if (ours.text().equals(theirs.text().strip()) || ours.text().equals(theirs.text().replace('\u202F', ' '))) {
            return "D2 (white space at the end of the body)";
        }
        return null;
    }
}

package dev.dkm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/cli-json.md as the oracle of every {@code --json} document: its {@code <!-- json: NAME -->} tables list each
 * field as a jq path ({@code .a}, {@code .a.b}, {@code .a[].b}, {@code .[].a}) with when it is present.
 */
public final class CliJsonDoc {
    private static final Path DOC = Path.of("docs", "cli-json.md");

    private CliJsonDoc() {}

    /**
     * Every field of {@code actual} is in the NAME table, and every row whose "present" is one of {@code present} is in
     * {@code actual} (the fields of an array's elements only when the array has elements). Prints field names, never values.
     */
    public static void assertMatches(String name, JsonElement actual, Set<String> present) throws IOException {
        Map<String, String> documented = table(name);
        Set<String> fields = new LinkedHashSet<>();
        flatten("", actual, fields);
        assertThat(fields).as("fields of " + name + " not in docs/cli-json.md").isSubsetOf(documented.keySet());
        for (Map.Entry<String, String> row : documented.entrySet()) {
            String path = row.getKey();
            if (!present.contains(row.getValue())) {
                continue;
            }
            int array = path.lastIndexOf("[]");
            if (array >= 0 && fields.stream().noneMatch(f -> f.startsWith(path.substring(0, array + 2)))) {
                continue; // an empty array in this output: its elements' fields cannot show
            }
            assertThat(fields).as("documented field of " + name).contains(path);
        }
    }

    /** The rows of the table after {@code <!-- json: NAME -->}: path → present. */
    static Map<String, String> table(String name) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf("<!-- json: " + name + " -->");
        assertThat(start).as("table " + name + " in " + DOC).isNotNegative();
        Map<String, String> rows = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| `([^`]+)` \\|[^|]*\\| ([^|]+?) \\|");
        for (int i = start + 1; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher m = row.matcher(lines.get(i));
            if (m.find()) {
                rows.put(m.group(1), m.group(2).trim());
            }
        }
        assertThat(rows).as("rows of " + name).isNotEmpty();
        return rows;
    }

    /** jq-style paths; arrays of values are leaves. */
    private static void flatten(String prefix, JsonElement e, Set<String> out) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> f : e.getAsJsonObject().entrySet()) {
                String path = prefix + "." + f.getKey();
                out.add(path);
                flatten(path, f.getValue(), out);
            }
        } else if (e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                if (item.isJsonObject()) {
                    flatten((prefix.isEmpty() ? "." : prefix) + "[]", item, out);
                }
            }
        }
    }
}

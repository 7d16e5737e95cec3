package dev.dkm.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way {@code sh} does for the cases git users write in
 * {@code core.sshCommand}: blanks separate words, {@code '…'} is literal, {@code "…"} keeps blanks and honours
 * {@code \"}, {@code \\}, {@code \$}, a backslash outside quotes escapes the next character. An unclosed quote
 * runs to the end instead of failing: the scan reports what it can.
 */
public final class ShellWords {
    private ShellWords() {}

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                inWord = true;
                int end = line.indexOf('\'', i + 1);
                end = end < 0 ? line.length() : end;
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                inWord = true;
                i++;
                for (; i < line.length() && line.charAt(i) != '"'; i++) {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        d = line.charAt(++i);
                    }
                    word.append(d);
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                inWord = true;
                word.append(line.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                word.append(c);
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}

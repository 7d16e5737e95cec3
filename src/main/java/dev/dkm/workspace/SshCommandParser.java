package dev.dkm.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code core.sshCommand} like ssh reads its arguments: {@code -i FILE}, {@code -iFILE},
 * {@code -o IdentityFile=FILE}, {@code -oIdentityFile=FILE}, {@code -o "IdentityFile FILE"},
 * {@code -o IdentitiesOnly=yes}; other options and their arguments are skipped the way getopt would.
 */
final class SshCommandParser {
    /** ssh(1) options that take an argument (OpenSSH 9). */
    private static final String FLAGS_WITH_ARGUMENT = "BbcDEeFIiJLlmOoPpQRSWw";

    private final Path home;
    private final KeyFileInspector keyFiles;

    SshCommandParser(Path home) {
        this.home = home;
        this.keyFiles = new KeyFileInspector();
    }

    /** @param workTree where git runs ssh from: relative identity files resolve against it */
    SshCommandInfo parse(String command, Path workTree) {
        if (command == null) {
            return SshCommandInfo.NONE;
        }
        List<String> words = ShellWords.split(command);
        List<String> identityFiles = new ArrayList<>();
        Boolean identitiesOnly = null;
        int i = 0;
        while (i < words.size() && (words.get(i).contains("=") && !words.get(i).startsWith("-"))) {
            i++; // leading VAR=value assignments
        }
        i++; // the program itself (ssh, /usr/bin/ssh …)
        for (; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                break; // destination and remote command follow
            }
            if (!w.startsWith("-") || w.length() < 2) {
                continue;
            }
            for (int c = 1; c < w.length(); c++) {
                char flag = w.charAt(c);
                if (FLAGS_WITH_ARGUMENT.indexOf(flag) < 0) {
                    continue;
                }
                String arg = c + 1 < w.length() ? w.substring(c + 1) : (i + 1 < words.size() ? words.get(++i) : null);
                if (arg == null) {
                    break;
                }
                if (flag == 'i') {
                    identityFiles.add(arg);
                } else if (flag == 'o') {
                    String[] kv = splitOption(arg);
                    if (kv[1] == null && i + 1 < words.size() && isIdentityOption(kv[0])) {
                        kv[1] = words.get(++i); // -o IdentityFile FILE, leniently
                    }
                    if (kv[0].equals("identityfile") && kv[1] != null) {
                        identityFiles.add(kv[1]);
                    } else if (kv[0].equals("identitiesonly") && kv[1] != null) {
                        identitiesOnly = kv[1].equalsIgnoreCase("yes") || kv[1].equalsIgnoreCase("true");
                    }
                }
                break; // the rest of the word was the argument
            }
        }
        List<KeyFileInfo> keys = new ArrayList<>();
        for (String written : identityFiles) {
            keys.add(keyFiles.inspect(written, resolve(written, workTree)));
        }
        return new SshCommandInfo(command, keys, identitiesOnly);
    }

    private static boolean isIdentityOption(String key) {
        return key.equals("identityfile") || key.equals("identitiesonly");
    }

    /** {@code Key=Value} or {@code Key Value} → [lowercase key, value or null]. */
    private static String[] splitOption(String arg) {
        String trimmed = arg.strip();
        int cut = 0;
        while (cut < trimmed.length() && trimmed.charAt(cut) != '=' && !Character.isWhitespace(trimmed.charAt(cut))) {
            cut++;
        }
        String key = trimmed.substring(0, cut).toLowerCase(Locale.ROOT);
        if (cut == trimmed.length()) {
            return new String[] {key, null};
        }
        String value = trimmed.substring(cut).strip();
        if (value.startsWith("=")) {
            value = value.substring(1).strip();
        }
        return new String[] {key, value};
    }

    /** ssh expands {@code ~}; the shell expands {@code $HOME}; git runs ssh from the work tree. */
    Path resolve(String written, Path workTree) {
        String p = written;
        if (p.equals("~") || p.startsWith("~/")) {
            return home.resolve(p.substring(Math.min(2, p.length()))).normalize();
        }
        for (String var : new String[] {"${HOME}", "$HOME"}) {
            if (p.startsWith(var)) {
                return home.resolve(p.substring(var.length()).replaceFirst("^/+", "")).normalize();
            }
        }
        return workTree.resolve(p).normalize();
    }
}

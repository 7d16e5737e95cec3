package dev.dkm.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed GraphQL query document (the October 2021 spec's executable subset): operations with a name, variable
 * definitions and defaults, fields with aliases and arguments, nested selections, fragment spreads and inline
 * fragments. Directives are parsed and ignored. Syntax errors throw {@link ParseError} with graphql-ruby's wording
 * ({@code Parse error on "}" (RCURLY) at [3, 5]}), which GitLab answers with HTTP 200.
 */
final class GraphQlDocument {
    final List<Operation> operations = new ArrayList<>();
    final Map<String, Fragment> fragments = new LinkedHashMap<>();

    record Location(int line, int column) {}

    record Operation(String type, String name, Map<String, VariableDefinition> variables, List<Selection> selections,
            Location location) {}

    record VariableDefinition(String name, String type, Object defaultValue, boolean hasDefault) {}

    record Fragment(String name, String typeCondition, List<Selection> selections, Location location) {}

    sealed interface Selection permits Field, FragmentSpread, InlineFragment {}

    record Field(String alias, String name, Map<String, Object> arguments, Map<String, Location> argumentLocations,
            List<Selection> selections, Location location) implements Selection {
        String responseKey() {
            return alias == null ? name : alias;
        }
    }

    record FragmentSpread(String name, Location location) implements Selection {}

    record InlineFragment(String typeCondition, List<Selection> selections, Location location) implements Selection {}

    /** A {@code $name} in a value, replaced by the variable's value at execution. */
    record Variable(String name, Location location) {}

    /** An enum value ({@code ASC}), kept apart from strings as the spec does. */
    record EnumValue(String name) {}

    /** The literal {@code null} (Java null means "argument absent"). */
    enum Null { NULL }

    static final class ParseError extends RuntimeException {
        final Location location;

        ParseError(String message, Location location) {
            super(message);
            this.location = location;
        }
    }

    static GraphQlDocument parse(String text) {
        return new Parser(new Lexer(text).tokens()).document();
    }

    // ---- lexer

    private enum Kind { PUNCT, NAME, INT, FLOAT, STRING, EOF }

    private record Token(Kind kind, String text, Location location) {
        /** graphql-ruby's token names in its parse errors. */
        String rubyName() {
            return switch (kind) {
                case NAME -> "IDENTIFIER";
                case INT -> "INT";
                case FLOAT -> "FLOAT";
                case STRING -> "STRING";
                case EOF -> "end of file";
                case PUNCT -> switch (text) {
                    case "{" -> "LCURLY";
                    case "}" -> "RCURLY";
                    case "(" -> "LPAREN";
                    case ")" -> "RPAREN";
                    case "[" -> "LBRACKET";
                    case "]" -> "RBRACKET";
                    case ":" -> "COLON";
                    case "$" -> "VAR_SIGN";
                    case "!" -> "BANG";
                    case "=" -> "EQUALS";
                    case "@" -> "DIR_SIGN";
                    case "..." -> "ELLIPSIS";
                    default -> "PIPE";
                };
            };
        }
    }

    private static final class Lexer {
        private final String s;
        private int i;
        private int line = 1;
        private int lineStart;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                skipIgnored();
                Location at = new Location(line, i - lineStart + 1);
                if (i >= s.length()) {
                    out.add(new Token(Kind.EOF, "", at));
                    return out;
                }
                char c = s.charAt(i);
                if (s.startsWith("...", i)) {
                    out.add(new Token(Kind.PUNCT, "...", at));
                    i += 3;
                } else if ("!$():=@[]{}|".indexOf(c) >= 0) {
                    out.add(new Token(Kind.PUNCT, String.valueOf(c), at));
                    i++;
                } else if (c == '_' || Character.isLetter(c) && c < 128) {
                    int start = i;
                    while (i < s.length() && (s.charAt(i) == '_' || Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) < 128)) {
                        i++;
                    }
                    out.add(new Token(Kind.NAME, s.substring(start, i), at));
                } else if (c == '-' || Character.isDigit(c)) {
                    out.add(number(at));
                } else if (c == '"') {
                    out.add(new Token(Kind.STRING, s.startsWith("\"\"\"", i) ? blockString(at) : string(at), at));
                } else {
                    throw new ParseError("Parse error on \"" + c + "\" (error) at [" + at.line() + ", " + at.column() + "]", at);
                }
            }
        }

        private void skipIgnored() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n') {
                    line++;
                    lineStart = ++i;
                } else if (c == ' ' || c == '\t' || c == '\r' || c == ',' || c == '\uFEFF') {
                    i++;
                } else if (c == '#') {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else {
                    return;
                }
            }
        }

        private Token number(Location at) {
            int start = i;
            if (s.charAt(i) == '-') {
                i++;
            }
            boolean isFloat = false;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || ".eE+-".indexOf(s.charAt(i)) >= 0 && i > start)) {
                isFloat |= ".eE".indexOf(s.charAt(i)) >= 0;
                i++;
            }
            String text = s.substring(start, i);
            if (text.equals("-")) {
                throw new ParseError("Parse error on \"-\" (error) at [" + at.line() + ", " + at.column() + "]", at);
            }
            return new Token(isFloat ? Kind.FLOAT : Kind.INT, text, at);
        }

        private String string(Location at) {
            StringBuilder b = new StringBuilder();
            i++;
            while (true) {
                if (i >= s.length() || s.charAt(i) == '\n') {
                    throw new ParseError("Parse error on unterminated string at [" + at.line() + ", " + at.column() + "]", at);
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = i < s.length() ? s.charAt(i++) : ' ';
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new ParseError("Parse error on bad unicode escape at [" + at.line() + ", " + at.column() + "]", at);
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private String blockString(Location at) {
            int end = s.indexOf("\"\"\"", i + 3);
            if (end < 0) {
                throw new ParseError("Parse error on unterminated string at [" + at.line() + ", " + at.column() + "]", at);
            }
            String body = s.substring(i + 3, end);
            for (char c : body.toCharArray()) {
                if (c == '\n') {
                    line++;
                }
            }
            i = end + 3;
            return body.strip();
        }
    }

    // ---- parser

    private static final class Parser {
        private final List<Token> tokens;
        private int p;
        private final GraphQlDocument doc = new GraphQlDocument();
        private static final int MAX_NESTING = 200;
        private int depth;
        private int valueDepth;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        GraphQlDocument document() {
            if (peek().kind == Kind.EOF) {
                throw new ParseError("Unexpected end of document", peek().location);
            }
            while (peek().kind != Kind.EOF) {
                Token t = peek();
                if (isPunct("{")) {
                    doc.operations.add(new Operation("query", null, Map.of(), selectionSet(), t.location));
                } else if (t.kind == Kind.NAME && t.text.equals("fragment")) {
                    next();
                    String name = name();
                    expectName("on");
                    String type = name();
                    directives();
                    doc.fragments.put(name, new Fragment(name, type, selectionSet(), t.location));
                } else if (t.kind == Kind.NAME && (t.text.equals("query") || t.text.equals("mutation") || t.text.equals("subscription"))) {
                    next();
                    String name = peek().kind == Kind.NAME ? name() : null;
                    Map<String, VariableDefinition> vars = isPunct("(") ? variableDefinitions() : Map.of();
                    directives();
                    doc.operations.add(new Operation(t.text, name, vars, selectionSet(), t.location));
                } else {
                    throw unexpected(t);
                }
            }
            return doc;
        }

        private Map<String, VariableDefinition> variableDefinitions() {
            expect("(");
            Map<String, VariableDefinition> vars = new LinkedHashMap<>();
            while (!isPunct(")")) {
                expect("$");
                String name = name();
                expect(":");
                String type = type();
                Object dflt = null;
                boolean has = false;
                if (isPunct("=")) {
                    next();
                    dflt = value(true);
                    has = true;
                }
                directives();
                vars.put(name, new VariableDefinition(name, type, dflt, has));
            }
            expect(")");
            return vars;
        }

        private String type() {
            String t;
            if (isPunct("[")) {
                next();
                t = "[" + type() + "]";
                expect("]");
            } else {
                t = name();
            }
            if (isPunct("!")) {
                next();
                t += "!";
            }
            return t;
        }

        private List<Selection> selectionSet() {
            if (++depth > MAX_NESTING) { // far past GitLab's max depth (20): refused before recursion runs out of stack
                throw new ParseError("Query has depth of " + depth + ", which exceeds max depth of 20", peek().location);
            }
            expect("{");
            List<Selection> out = new ArrayList<>();
            do {
                out.add(selection());
            } while (!isPunct("}"));
            expect("}");
            depth--;
            return out;
        }

        private Selection selection() {
            Token t = peek();
            if (isPunct("...")) {
                next();
                if (peek().kind == Kind.NAME && !peek().text.equals("on")) {
                    String name = name();
                    directives();
                    return new FragmentSpread(name, t.location);
                }
                String type = null;
                if (peek().kind == Kind.NAME) {
                    next();
                    type = name();
                }
                directives();
                return new InlineFragment(type, selectionSet(), t.location);
            }
            String first = name();
            String alias = null;
            String name = first;
            if (isPunct(":")) {
                next();
                alias = first;
                name = name();
            }
            Map<String, Object> args = new LinkedHashMap<>();
            Map<String, Location> argLocations = new LinkedHashMap<>();
            if (isPunct("(")) {
                next();
                while (!isPunct(")")) {
                    Token at = peek();
                    String arg = name();
                    expect(":");
                    args.put(arg, value(false));
                    argLocations.put(arg, at.location);
                }
                expect(")");
            }
            directives();
            List<Selection> sub = isPunct("{") ? selectionSet() : List.of();
            return new Field(alias, name, args, argLocations, sub, t.location);
        }

        private void directives() {
            while (isPunct("@")) {
                next();
                name();
                if (isPunct("(")) {
                    next();
                    while (!isPunct(")")) {
                        name();
                        expect(":");
                        value(false);
                    }
                    expect(")");
                }
            }
        }

        private Object value(boolean constant) {
            if (++valueDepth > MAX_NESTING) {
                throw new ParseError("Parse error: values nested too deep", peek().location);
            }
            try {
                return valueAt(constant);
            } finally {
                valueDepth--;
            }
        }

        private Object valueAt(boolean constant) {
            Token t = next();
            switch (t.kind) {
                case INT:
                    return Long.parseLong(t.text);
                case FLOAT:
                    return Double.parseDouble(t.text);
                case STRING:
                    return t.text;
                case NAME:
                    return switch (t.text) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> Null.NULL;
                        default -> new EnumValue(t.text);
                    };
                case PUNCT:
                    if (t.text.equals("$") && !constant) {
                        return new Variable(name(), t.location);
                    }
                    if (t.text.equals("[")) {
                        List<Object> list = new ArrayList<>();
                        while (!isPunct("]")) {
                            list.add(value(constant));
                        }
                        next();
                        return list;
                    }
                    if (t.text.equals("{")) {
                        Map<String, Object> map = new LinkedHashMap<>();
                        while (!isPunct("}")) {
                            String key = name();
                            expect(":");
                            map.put(key, value(constant));
                        }
                        next();
                        return map;
                    }
                    throw unexpected(t);
                default:
                    throw unexpected(t);
            }
        }

        private Token peek() {
            return tokens.get(p);
        }

        private Token next() {
            Token t = tokens.get(p);
            if (t.kind != Kind.EOF) {
                p++;
            }
            return t;
        }

        private boolean isPunct(String text) {
            return peek().kind == Kind.PUNCT && peek().text.equals(text);
        }

        private void expect(String punct) {
            if (!isPunct(punct)) {
                throw unexpected(peek());
            }
            next();
        }

        private void expectName(String word) {
            if (peek().kind != Kind.NAME || !peek().text.equals(word)) {
                throw unexpected(peek());
            }
            next();
        }

        private String name() {
            if (peek().kind != Kind.NAME) {
                throw unexpected(peek());
            }
            return next().text;
        }

        private static ParseError unexpected(Token t) {
            if (t.kind == Kind.EOF) {
                return new ParseError("Unexpected end of document", t.location);
            }
            return new ParseError("Parse error on \"" + t.text + "\" (" + t.rubyName() + ") at [" + t.location.line() + ", "
                    + t.location.column() + "]", t.location);
        }
    }
}

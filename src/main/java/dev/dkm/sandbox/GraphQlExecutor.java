package dev.dkm.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.dkm.sandbox.GraphQlDocument.Field;
import dev.dkm.sandbox.GraphQlDocument.FragmentSpread;
import dev.dkm.sandbox.GraphQlDocument.InlineFragment;
import dev.dkm.sandbox.GraphQlDocument.Location;
import dev.dkm.sandbox.GraphQlDocument.Operation;
import dev.dkm.sandbox.GraphQlDocument.Selection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates and executes a {@link GraphQlDocument} against a small schema of object types, answering as graphql-ruby
 * (GitLab's GraphQL library) does: validation errors ({@code undefinedField}, {@code argumentNotAccepted},
 * {@code variableNotDefined}, selection mismatches) give {@code {"errors":[…]}} without {@code data}; an error while
 * resolving a field nulls that field and adds an error with its {@code path}. Connections follow the Relay spec as
 * GitLab serves them ({@code nodes}, {@code edges}, {@code pageInfo}; {@code first} above 100 is cut to 100 —
 * GitlabSchema's {@code default_max_page_size 100}).
 */
final class GraphQlExecutor {
    static final int MAX_PAGE_SIZE = 100;
    private static final Set<String> SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID", "Time", "Date");
    private static final Set<String> CONNECTION_ARGS = Set.of("first", "after", "last", "before");

    /** Resolves one field: the parent object, the field's arguments (variables substituted), the request. */
    @FunctionalInterface
    interface Resolver {
        Object resolve(Object source, Map<String, Object> args, Context ctx);
    }

    /** A field whose resolver failed: the field is null and the message goes to {@code errors}. */
    static final class FieldError extends RuntimeException {
        FieldError(String message) {
            super(message);
        }
    }

    /** What a resolver may read: the data, the caller (null when anonymous) and the version pretended. */
    record Context(SandboxData data, SandboxData.User user, SandboxRelease release) {}

    record FieldDef(String name, String type, Set<String> args, Resolver resolver) {
        boolean isList() {
            return type.startsWith("[");
        }

        String namedType() {
            return type.replace("[", "").replace("]", "").replace("!", "");
        }
    }

    /** A slice of a list asked for with first/after/last/before, for a connection field. */
    record Page(List<?> items, int offset, boolean hasNextPage, boolean hasPreviousPage) {
        static Page of(List<?> all, Map<String, Object> args) {
            int from = args.get("after") instanceof String a ? decodeCursor(a) + 1 : 0;
            int to = args.get("before") instanceof String b ? decodeCursor(b) : all.size();
            from = Math.max(0, Math.min(from, all.size()));
            to = Math.max(from, Math.min(to, all.size()));
            int first = args.get("first") instanceof Long f ? (int) Math.min(f, MAX_PAGE_SIZE) : -1;
            int last = args.get("last") instanceof Long l ? (int) Math.min(l, MAX_PAGE_SIZE) : -1;
            if (first < 0 && last < 0) {
                first = MAX_PAGE_SIZE;
            }
            int start = from;
            int end = to;
            if (first >= 0) {
                end = Math.min(to, from + first);
            }
            if (last >= 0) {
                start = Math.max(start, end - last);
            }
            return new Page(all.subList(start, end), start, end < to, start > 0);
        }

        static String cursor(int index) {
            return Base64.getEncoder().encodeToString(("{\"offset\":\"" + index + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static int decodeCursor(String cursor) {
            try {
                String json = new String(Base64.getDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
                return Integer.parseInt(json.replaceAll("[^0-9]", ""));
            } catch (IllegalArgumentException e) {
                throw new FieldError("Invalid cursor provided");
            }
        }
    }

    private final Map<String, Map<String, FieldDef>> types = new LinkedHashMap<>();

    /** Declares an object type; fields are added with {@link #field}. */
    GraphQlExecutor type(String name) {
        types.putIfAbsent(name, new LinkedHashMap<>());
        return this;
    }

    GraphQlExecutor field(String type, String name, String fieldType, Set<String> args, Resolver resolver) {
        types.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(name, new FieldDef(name, fieldType, args, resolver));
        return this;
    }

    /**
     * A connection field on {@code type} returning {@code nodeType}s: the resolver gives the whole list, the
     * connection slices it. Declares {@code <nodeType>Connection} and {@code <nodeType>Edge} the first time.
     */
    GraphQlExecutor connection(String type, String name, String nodeType, Set<String> extraArgs, Resolver all) {
        String conn = nodeType + "Connection";
        String edge = nodeType + "Edge";
        if (!types.containsKey(conn)) {
            field(conn, "nodes", "[" + nodeType + "]", Set.of(), (s, a, c) -> ((Page) s).items());
            field(conn, "edges", "[" + edge + "]", Set.of(), (s, a, c) -> {
                Page page = (Page) s;
                List<Object[]> edges = new ArrayList<>();
                for (int i = 0; i < page.items().size(); i++) {
                    edges.add(new Object[] {page.items().get(i), page.offset() + i});
                }
                return edges;
            });
            field(conn, "pageInfo", "PageInfo", Set.of(), (s, a, c) -> s);
            field(edge, "node", nodeType, Set.of(), (s, a, c) -> ((Object[]) s)[0]);
            field(edge, "cursor", "String", Set.of(), (s, a, c) -> Page.cursor((Integer) ((Object[]) s)[1]));
            field("PageInfo", "hasNextPage", "Boolean", Set.of(), (s, a, c) -> ((Page) s).hasNextPage());
            field("PageInfo", "hasPreviousPage", "Boolean", Set.of(), (s, a, c) -> ((Page) s).hasPreviousPage());
            field("PageInfo", "startCursor", "String", Set.of(),
                    (s, a, c) -> ((Page) s).items().isEmpty() ? null : Page.cursor(((Page) s).offset()));
            field("PageInfo", "endCursor", "String", Set.of(), (s, a, c) -> ((Page) s).items().isEmpty() ? null
                    : Page.cursor(((Page) s).offset() + ((Page) s).items().size() - 1));
        }
        Set<String> args = new LinkedHashSet<>(CONNECTION_ARGS);
        args.addAll(extraArgs);
        return field(type, name, conn, args, (s, a, c) -> {
            Object list = all.resolve(s, a, c);
            return list == null ? null : Page.of((List<?>) list, a);
        });
    }

    // ---- execution

    /** The answer body for one request (always what GitLab sends with HTTP 200). */
    JsonObject execute(String query, String operationName, JsonObject variables, Context ctx) {
        if (query == null || query.isBlank()) {
            return errors(List.of(error("No query string was present", null, null)));
        }
        GraphQlDocument doc;
        try {
            doc = GraphQlDocument.parse(query);
        } catch (GraphQlDocument.ParseError e) {
            return errors(List.of(error(e.getMessage(), e.location, null)));
        }
        Operation op = pick(doc, operationName);
        if (op == null) {
            return errors(List.of(error(operationName == null ? "An operation name is required"
                    : "No operation named \"" + operationName + "\"", null, null)));
        }
        String root = switch (op.type()) {
            case "query" -> "Query";
            case "mutation" -> "Mutation";
            default -> "Subscription";
        };
        String opPath = op.type() + (op.name() == null ? "" : " " + op.name());
        List<JsonObject> problems = new ArrayList<>();
        if (!types.containsKey(root)) {
            problems.add(error("Schema is not configured for " + op.type() + "s", op.location(), null));
            return errors(problems);
        }
        validate(doc, op, root, op.selections(), new ArrayList<>(List.of(opPath)), problems);
        int depth = depth(doc, op.selections(), 0);
        if (problems.isEmpty() && depth > MAX_DEPTH) {
            problems.add(error("Query has depth of " + depth + ", which exceeds max depth of " + MAX_DEPTH, null, null));
        }
        if (!problems.isEmpty()) {
            return errors(problems);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        op.variables().forEach((name, def) -> {
            if (variables != null && variables.has(name)) {
                vars.put(name, fromJson(variables.get(name)));
            } else if (def.hasDefault()) {
                vars.put(name, def.defaultValue());
            }
        });
        List<JsonObject> errors = new ArrayList<>();
        JsonObject data = selectionSet(doc, root, null, op.selections(), vars, ctx, new ArrayList<>(), errors);
        JsonObject out = new JsonObject();
        out.add("data", data);
        if (!errors.isEmpty()) {
            JsonArray arr = new JsonArray();
            errors.forEach(arr::add);
            out.add("errors", arr);
        }
        return out;
    }

    /** GitlabSchema::AUTHENTICATED_MAX_DEPTH. */
    static final int MAX_DEPTH = 20;

    /** How deep the selections go, fragments spread in (graphql-ruby's max_depth counts fields). */
    private static int depth(GraphQlDocument doc, List<Selection> selections, int guard) {
        if (guard > MAX_DEPTH * 4) {
            return guard; // a fragment spreading itself: deep enough to refuse
        }
        int max = 0;
        for (Selection s : selections) {
            if (s instanceof Field f) {
                max = Math.max(max, 1 + depth(doc, f.selections(), guard + 1));
            } else if (s instanceof InlineFragment inline) {
                max = Math.max(max, depth(doc, inline.selections(), guard + 1));
            } else if (s instanceof FragmentSpread spread && doc.fragments.containsKey(spread.name())) {
                max = Math.max(max, depth(doc, doc.fragments.get(spread.name()).selections(), guard + 1));
            }
        }
        return max;
    }

    private static Operation pick(GraphQlDocument doc, String operationName) {
        if (operationName == null || operationName.isEmpty()) {
            return doc.operations.size() == 1 ? doc.operations.get(0) : null;
        }
        return doc.operations.stream().filter(o -> operationName.equals(o.name())).findFirst().orElse(null);
    }

    private void validate(GraphQlDocument doc, Operation op, String type, List<Selection> selections, List<Object> path,
            List<JsonObject> problems) {
        validate(doc, op, type, selections, path, problems, new LinkedHashSet<>());
    }

    /** @param spreading the fragments being spread on the way here, to refuse one that spreads itself */
    private void validate(GraphQlDocument doc, Operation op, String type, List<Selection> selections, List<Object> path,
            List<JsonObject> problems, Set<String> spreading) {
        for (Selection sel : selections) {
            if (sel instanceof FragmentSpread spread) {
                GraphQlDocument.Fragment f = doc.fragments.get(spread.name());
                if (f == null) {
                    problems.add(coded(error("Fragment " + spread.name() + " was used, but not defined", spread.location(), path),
                            "useAndDefineFragment", Map.of("fragmentName", spread.name())));
                } else if (!spreading.add(spread.name())) {
                    problems.add(coded(error("Fragment " + spread.name() + " contains an infinite loop", spread.location(), path),
                            "infiniteLoop", Map.of("fragmentName", spread.name())));
                } else {
                    validate(doc, op, f.typeCondition(), f.selections(), path, problems, spreading);
                    spreading.remove(spread.name());
                }
                continue;
            }
            if (sel instanceof InlineFragment inline) {
                validate(doc, op, inline.typeCondition() == null ? type : inline.typeCondition(), inline.selections(), path, problems,
                        spreading);
                continue;
            }
            Field f = (Field) sel;
            List<Object> here = new ArrayList<>(path);
            here.add(f.responseKey());
            if (f.name().equals("__typename")) {
                continue;
            }
            FieldDef def = types.getOrDefault(type, Map.of()).get(f.name());
            if (def == null) {
                problems.add(coded(error("Field '" + f.name() + "' doesn't exist on type '" + type + "'", f.location(), here),
                        "undefinedField", Map.of("typeName", type, "fieldName", f.name())));
                continue;
            }
            for (Map.Entry<String, Object> arg : f.arguments().entrySet()) {
                if (!def.args().contains(arg.getKey())) {
                    List<Object> argPath = new ArrayList<>(here);
                    argPath.add(arg.getKey());
                    problems.add(coded(error("Field '" + f.name() + "' doesn't accept argument '" + arg.getKey() + "'",
                            f.argumentLocations().get(arg.getKey()), argPath), "argumentNotAccepted",
                            Map.of("name", f.name(), "typeName", "Field", "argumentName", arg.getKey())));
                }
                checkVariables(arg.getValue(), op, problems);
            }
            boolean scalar = SCALARS.contains(def.namedType());
            if (scalar && !f.selections().isEmpty()) {
                problems.add(coded(error("Selections can't be made on scalars (field '" + f.name() + "' returns "
                        + def.namedType() + " but has selections [" + String.join(", ", names(f.selections())) + "])",
                        f.location(), here), "selectionMismatch", Map.of("nodeName", "field '" + f.name() + "'", "typeName", def.namedType())));
            } else if (!scalar && f.selections().isEmpty()) {
                problems.add(coded(error("Field must have selections (field '" + f.name() + "' returns " + def.namedType()
                        + " but has no selections. Did you mean '" + f.name() + " { ... }'?)", f.location(), here),
                        "selectionMismatch", Map.of("nodeName", "field '" + f.name() + "'", "typeName", def.namedType())));
            } else if (!scalar) {
                validate(doc, op, def.namedType(), f.selections(), here, problems, spreading);
            }
        }
    }

    private static List<String> names(List<Selection> selections) {
        List<String> out = new ArrayList<>();
        for (Selection s : selections) {
            out.add(s instanceof Field f ? f.name() : "...");
        }
        return out;
    }

    private static void checkVariables(Object value, Operation op, List<JsonObject> problems) {
        if (value instanceof GraphQlDocument.Variable v && !op.variables().containsKey(v.name())) {
            String by = op.name() == null ? "anonymous query" : op.name();
            problems.add(coded(error("Variable $" + v.name() + " is used by " + by + " but not declared", v.location(), null),
                    "variableNotDefined", Map.of("variableName", v.name())));
        } else if (value instanceof List<?> list) {
            list.forEach(x -> checkVariables(x, op, problems));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(x -> checkVariables(x, op, problems));
        }
    }

    private JsonObject selectionSet(GraphQlDocument doc, String type, Object source, List<Selection> selections,
            Map<String, Object> vars, Context ctx, List<Object> path, List<JsonObject> errors) {
        JsonObject out = new JsonObject();
        for (Field f : collect(doc, type, selections)) {
            List<Object> here = new ArrayList<>(path);
            here.add(f.responseKey());
            if (f.name().equals("__typename")) {
                out.addProperty(f.responseKey(), type);
                continue;
            }
            FieldDef def = types.get(type).get(f.name());
            Map<String, Object> args = new LinkedHashMap<>();
            f.arguments().forEach((k, v) -> {
                Object value = substitute(v, vars);
                if (value != null) {
                    args.put(k, value);
                }
            });
            Object value;
            try {
                value = def.resolver().resolve(source, args, ctx);
                out.add(f.responseKey(), complete(doc, def, value, f, vars, ctx, here, errors));
            } catch (FieldError e) {
                errors.add(error(e.getMessage(), f.location(), here));
                out.add(f.responseKey(), JsonNull.INSTANCE);
            }
        }
        return out;
    }

    private JsonElement complete(GraphQlDocument doc, FieldDef def, Object value, Field f, Map<String, Object> vars,
            Context ctx, List<Object> path, List<JsonObject> errors) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (def.isList()) {
            JsonArray arr = new JsonArray();
            int i = 0;
            for (Object item : (List<?>) value) {
                List<Object> at = new ArrayList<>(path);
                at.add(i++);
                arr.add(completeOne(doc, def.namedType(), item, f, vars, ctx, at, errors));
            }
            return arr;
        }
        return completeOne(doc, def.namedType(), value, f, vars, ctx, path, errors);
    }

    private JsonElement completeOne(GraphQlDocument doc, String type, Object value, Field f, Map<String, Object> vars,
            Context ctx, List<Object> path, List<JsonObject> errors) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (SCALARS.contains(type)) {
            if (value instanceof Boolean b) {
                return new JsonPrimitive(b);
            }
            if (value instanceof Number n) {
                return new JsonPrimitive(n);
            }
            return new JsonPrimitive(value.toString());
        }
        return selectionSet(doc, type, value, f.selections(), vars, ctx, path, errors);
    }

    /** The fields of a selection set with fragments spread in, merged by response key (first one wins). */
    private List<Field> collect(GraphQlDocument doc, String type, List<Selection> selections) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (Selection s : selections) {
            if (s instanceof Field f) {
                out.putIfAbsent(f.responseKey(), f);
            } else if (s instanceof FragmentSpread spread) {
                GraphQlDocument.Fragment frag = doc.fragments.get(spread.name());
                if (frag.typeCondition().equals(type)) {
                    collect(doc, type, frag.selections()).forEach(x -> out.putIfAbsent(x.responseKey(), x));
                }
            } else if (s instanceof InlineFragment inline && (inline.typeCondition() == null || inline.typeCondition().equals(type))) {
                collect(doc, type, inline.selections()).forEach(x -> out.putIfAbsent(x.responseKey(), x));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static Object substitute(Object value, Map<String, Object> vars) {
        if (value instanceof GraphQlDocument.Variable v) {
            return vars.get(v.name());
        }
        if (value == GraphQlDocument.Null.NULL) {
            return null;
        }
        if (value instanceof GraphQlDocument.EnumValue e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(x -> out.add(substitute(x, vars)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, substitute(v, vars)));
            return out;
        }
        return value;
    }

    private static Object fromJson(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonArray()) {
            List<Object> out = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> out.add(fromJson(x)));
            return out;
        }
        if (e.isJsonObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            e.getAsJsonObject().entrySet().forEach(x -> out.put(x.getKey(), fromJson(x.getValue())));
            return out;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            double d = p.getAsDouble();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) p.getAsLong() : (Object) d;
        }
        return p.getAsString();
    }

    static JsonObject error(String message, Location location, List<Object> path) {
        JsonObject o = new JsonObject();
        o.addProperty("message", message);
        if (location != null) {
            JsonObject loc = new JsonObject();
            loc.addProperty("line", location.line());
            loc.addProperty("column", location.column());
            JsonArray locs = new JsonArray();
            locs.add(loc);
            o.add("locations", locs);
        }
        if (path != null) {
            JsonArray p = new JsonArray();
            path.forEach(x -> p.add(x instanceof Integer i ? new JsonPrimitive(i) : new JsonPrimitive(x.toString())));
            o.add("path", p);
        }
        return o;
    }

    private static JsonObject coded(JsonObject error, String code, Map<String, String> extra) {
        JsonObject ext = new JsonObject();
        ext.addProperty("code", code);
        extra.forEach(ext::addProperty);
        error.add("extensions", ext);
        return error;
    }

    static JsonObject errors(List<JsonObject> errors) {
        JsonObject out = new JsonObject();
        JsonArray arr = new JsonArray();
        errors.forEach(arr::add);
        out.add("errors", arr);
        return out;
    }
}

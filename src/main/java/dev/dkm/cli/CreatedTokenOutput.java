package dev.dkm.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.tokens.CreatedDeployToken;
import java.io.PrintWriter;

/**
 * Shows a new deploy token's user name and value, once: the one place dkm prints a raw token, on the user's
 * explicit request and to stdout only. The warnings go to stderr.
 */
final class CreatedTokenOutput {
    private CreatedTokenOutput() {}

    static void print(CreatedDeployToken t, boolean json, PrintWriter out, PrintWriter err) {
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("id", t.id());
            o.addProperty("name", t.name());
            o.addProperty(t.scope() == Scope.PROJECT ? "project" : "group", t.path());
            o.addProperty("username", t.username());
            o.addProperty("token", t.token().reveal());
            JsonArray scopes = new JsonArray();
            t.scopes().forEach(scopes::add);
            o.add("scopes", scopes);
            o.addProperty("expiresAt", t.expiresOn() == null ? null : t.expiresOn().toString());
            out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(o));
        } else {
            out.println("Deploy token \"" + t.name() + "\" (id " + t.id() + ") on " + (t.scope() == Scope.PROJECT ? "project " : "group ")
                    + t.path() + ", scopes " + String.join(", ", t.scopes()) + ", expires "
                    + (t.expiresOn() == null ? "never" : t.expiresOn()));
            out.println("username: " + t.username());
            out.println("token:    " + t.token().reveal());
        }
        out.flush();
        err.println("warning: " + CreatedDeployToken.SHOWN_ONCE_WARNING);
        if (t.expiresOn() == null) {
            err.println("warning: " + CreatedDeployToken.NEVER_EXPIRES_WARNING);
        }
        err.flush();
    }
}

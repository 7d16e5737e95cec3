package dev.dkm.cli;

import dev.dkm.keys.HostKeyStatus;
import dev.dkm.setup.HostKeyConsent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * How the CLI gets consent for an unknown host key: {@code --accept-host-key SHA256:…} when given (must match
 * exactly), else a question on the terminal, else no (scripts must say which key they trust).
 */
final class HostKeyPrompt {
    private HostKeyPrompt() {}

    static HostKeyConsent from(String acceptedFingerprint, CliContext context, boolean interactive) {
        if (acceptedFingerprint != null) {
            return HostKeyConsent.fingerprint(acceptedFingerprint);
        }
        if (!interactive) {
            return HostKeyConsent.REFUSE;
        }
        return status -> ask(status, context);
    }

    private static boolean ask(HostKeyStatus status, CliContext context) {
        PrintWriter err = context.err();
        err.println("The authenticity of host " + status.host() + ":" + status.port() + " can't be established.");
        err.println(status.presented().type() + " key fingerprint is " + status.fingerprint() + ".");
        err.print("Compare it with the one your GitLab administrator publishes. Trust it? [y/N] ");
        err.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks a yes/no question on the terminal; anything but yes is no. */
    static boolean confirm(String question, CliContext context) {
        context.err().print(question + " [y/N] ");
        context.err().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}

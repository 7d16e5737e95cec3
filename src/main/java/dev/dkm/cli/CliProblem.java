package dev.dkm.cli;

/** Something the user can fix (a missing option, an unknown host): printed as one line, exit code 2. */
final class CliProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final int EXIT_CODE = 2;

    CliProblem(String message) {
        super(message);
    }
}

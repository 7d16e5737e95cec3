package dev.dkm.sandbox;

import java.nio.file.Path;

/**
 * Starts a local GitLab-compatible sandbox (REST v4 + SSH git):
 * {@code SandboxServer s = Sandbox.builder().dataDir(tmp).demo(true).start();}.
 * Everything listens on 127.0.0.1; ports default to random free ones.
 */
public final class Sandbox {
    private Sandbox() {}

    public static Builder builder() {
        return new Builder();
    }

    /** Options for one sandbox; all optional. */
    public static final class Builder {
        Path dataDir;
        int httpPort;
        int sshPort;
        boolean demo;
        Path workspace;
        long latencyMs;
        int rateLimitPerMinute;
        double failRate;
        double dropRate;
        long faultSeed = 42;
        SandboxRelease release = SandboxRelease.CURRENT;

        private Builder() {}

        /** Where state.json, the bare repos and the host key live; a restart keeps them. Default: a temp dir removed on close. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** HTTP port; 0 (default) = a random free port. */
        public Builder port(int port) {
            this.httpPort = port;
            return this;
        }

        /** SSH port; 0 (default) = a random free port. */
        public Builder sshPort(int port) {
            this.sshPort = port;
            return this;
        }

        /** Seed the demo world (groups, ~20 projects, keys, tokens at every expiry stage) on first start. */
        public Builder demo(boolean demo) {
            this.demo = demo;
            return this;
        }

        /** Also clone demo projects into this folder with a mix of remotes (implies demo). */
        public Builder workspace(Path dir) {
            this.workspace = dir;
            return this;
        }

        public Builder latencyMs(long ms) {
            this.latencyMs = ms;
            return this;
        }

        /** Requests per minute before 429; 0 = unlimited. */
        public Builder rateLimitPerMinute(int n) {
            this.rateLimitPerMinute = n;
            return this;
        }

        /** Probability (0..1) of a 500 answer. */
        public Builder failRate(double p) {
            this.failRate = probability(p, "fail rate");
            return this;
        }

        /** Probability (0..1) of closing the connection without an answer. */
        public Builder dropRate(double p) {
            this.dropRate = probability(p, "drop rate");
            return this;
        }

        /**
         * The GitLab version to pretend to be ({@code "16.11"}, {@code "17.5.0"}); routes GitLab changed after it answer
         * as that version did. Default: the current version the project is tested against.
         */
        public Builder gitlabVersion(String version) {
            this.release = SandboxRelease.parse(version);
            return this;
        }

        /** Seed of the fault dice, for repeatable runs. */
        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        private static double probability(double p, String what) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(what + " must be between 0 and 1, not " + p);
            }
            return p;
        }

        public SandboxServer start() {
            return SandboxServer.start(this);
        }
    }
}

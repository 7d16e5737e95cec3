package dev.dkm.sandbox;

/** Where the sandbox answers, for the URLs it reports ({@code ssh://} form since the port is not 22). */
final class ServerUrls {
    private volatile String httpBase = "http://127.0.0.1:0";
    private volatile int sshPort;

    void httpBase(String base) {
        this.httpBase = base;
    }

    void sshPort(int port) {
        this.sshPort = port;
    }

    String httpBase() {
        return httpBase;
    }

    String sshUrl(String fullPath) {
        return sshPort == 22 ? "git@127.0.0.1:" + fullPath + ".git" : "ssh://git@127.0.0.1:" + sshPort + "/" + fullPath + ".git";
    }

    String httpUrl(String fullPath) {
        return httpBase + "/" + fullPath + ".git";
    }

    String webUrl(String fullPath) {
        return httpBase + "/" + fullPath;
    }
}

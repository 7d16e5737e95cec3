package dev.dkm.keys;

import java.nio.file.Path;

/** A private key file and its {@code .pub} next to it. */
public record KeyPairFiles(Path privateKey, Path publicKeyFile, SshPublicKey publicKey) {
    public static Path publicKeyPathFor(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }
}

/**
 * Ed25519 key generation (Apache MINA SSHD), OpenSSH file formats, fingerprints, the key store on disk.
 */
package dev.dkm.keys;

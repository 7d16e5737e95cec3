/**
 * Where API tokens live: the OS keyring, or a 0600 file when there is none.
 */
package dev.dkm.credentials;

/**
 * Remote URLs: parse, classify (ssh, https, https-token …), detect and redact tokens. Pure functions, no I/O.
 */
package dev.dkm.remote;

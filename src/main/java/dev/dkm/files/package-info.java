/**
 * How files are written and read, in one place: the atomic writer with its explicit mode policy (a rewritten file
 * keeps its mode, a symbolic link is written through, a new secret is 0600 in a 0700 folder), git's lock-file
 * protocol, appends, create-never-overwrite, and the bounded reader that refuses FIFOs, devices and huge files.
 * Depends on nothing but the JDK.
 */
package dev.dkm.files;

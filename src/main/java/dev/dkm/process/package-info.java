/**
 * The one way dkm runs other programs (git — and through it ssh —, credential helpers): streams drained on
 * dedicated threads, timeouts that fire and kill the whole process tree, stdin fed without deadlock. JDK only.
 */
package dev.dkm.process;

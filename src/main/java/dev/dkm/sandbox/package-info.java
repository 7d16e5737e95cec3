/**
 * A local GitLab-compatible server (REST v4 + SSH git) for the demo and the tests. Shares no DTO with the client.
 */
package dev.dkm.sandbox;

/**
 * Every credential in sight and when it expires: deploy tokens, deploy keys, access tokens; expiry bands,
 * exports (CSV, JSON, ICS); deploy-token creation, registry login and rotation.
 */
package dev.dkm.tokens;

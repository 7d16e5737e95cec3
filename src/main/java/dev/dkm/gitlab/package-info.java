/**
 * The GitLab REST v4 client: Retrofit interface, DTOs, paging, rate limits, typed errors.
 */
package dev.dkm.gitlab;

/**
 * Settings in the user's config dir, written atomically.
 */
package dev.dkm.settings;

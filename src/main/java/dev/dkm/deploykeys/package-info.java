/**
 * Key management on GitLab: list, enable, make read-only or read-write and remove a project's deploy keys (the details
 * pane's "Deploy keys on GitLab" section and {@code dkm keys}), and join scanned repositories with their projects'
 * deploy keys (the window's GitLab column, {@code dkm scan --gitlab}). Setting a key up is {@code setup}'s job.
 */
package dev.dkm.deploykeys;

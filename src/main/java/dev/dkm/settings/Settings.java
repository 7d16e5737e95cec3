package dev.dkm.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything dkm remembers between runs except tokens. Immutable: change with the {@code with…} methods and
 * {@link SettingsStore#save(Settings)}. Missing or unknown values read as the defaults.
 *
 * @param expiryThresholdDays warning bands for the expiry dashboard, largest first (default 60, 30, 7, 1)
 * @param keyStrategy         the key "Set up deploy key" and "Convert to SSH" start with (default one per repository)
 * @param readOnlyByDefault   register new deploy keys read-only unless the user says otherwise (default false;
 *                            absent from files written before it existed)
 * @param runRetentionDays    run journals older than this many days are pruned automatically when a new run starts
 *                            (default {@value #DEFAULT_RUN_RETENTION_DAYS}; 0 keeps them until {@code dkm runs --prune})
 * @param environments        the other environments the window scans besides this account's roots, as
 *                            {@code EnvironmentSpec} ids ({@code codimd}, {@code command:podman exec -i web}); absent from
 *                            files written before it existed
 */
public record Settings(
        List<InstanceSettings> instances,
        List<Path> workspaceRoots,
        Theme theme,
        List<Integer> expiryThresholdDays,
        KeyStrategy keyStrategy,
        boolean readOnlyByDefault,
        Integer runRetentionDays,
        List<String> environments) {

    public static final List<Integer> DEFAULT_EXPIRY_THRESHOLDS = List.of(60, 30, 7, 1);
    public static final int DEFAULT_RUN_RETENTION_DAYS = 30;

    public Settings(List<InstanceSettings> instances, List<Path> workspaceRoots, Theme theme, List<Integer> expiryThresholdDays,
            KeyStrategy keyStrategy, boolean readOnlyByDefault) {
        this(instances, workspaceRoots, theme, expiryThresholdDays, keyStrategy, readOnlyByDefault, null);
    }

    public Settings(List<InstanceSettings> instances, List<Path> workspaceRoots, Theme theme, List<Integer> expiryThresholdDays,
            KeyStrategy keyStrategy, boolean readOnlyByDefault, Integer runRetentionDays) {
        this(instances, workspaceRoots, theme, expiryThresholdDays, keyStrategy, readOnlyByDefault, runRetentionDays, null);
    }

    public Settings {
        instances = instances == null ? List.of() : instances.stream().filter(i -> i != null).toList();
        workspaceRoots = workspaceRoots == null ? List.of() : workspaceRoots.stream().filter(p -> p != null).toList();
        theme = theme == null ? Theme.LIGHT : theme;
        expiryThresholdDays = expiryThresholdDays == null || expiryThresholdDays.isEmpty()
                ? DEFAULT_EXPIRY_THRESHOLDS : List.copyOf(expiryThresholdDays);
        keyStrategy = keyStrategy == null ? KeyStrategy.ONE_KEY_PER_REPOSITORY : keyStrategy;
        runRetentionDays = runRetentionDays == null || runRetentionDays < 0 ? DEFAULT_RUN_RETENTION_DAYS : runRetentionDays;
        environments = environments == null ? List.of()
                : environments.stream().filter(e -> e != null && !e.isBlank()).distinct().toList();
    }

    public Settings withRunRetentionDays(int days) {
        return new Settings(instances, workspaceRoots, theme, expiryThresholdDays, keyStrategy, readOnlyByDefault, days, environments);
    }

    public Settings withEnvironments(List<String> ids) {
        return new Settings(instances, workspaceRoots, theme, expiryThresholdDays, keyStrategy, readOnlyByDefault, runRetentionDays, ids);
    }

    public static Settings defaults() {
        return new Settings(null, null, null, null, null, false);
    }

    public Settings withWorkspaceRoots(List<Path> roots) {
        return new Settings(instances, roots, theme, expiryThresholdDays, keyStrategy, readOnlyByDefault, runRetentionDays, environments);
    }

    public Settings withTheme(Theme t) {
        return new Settings(instances, workspaceRoots, t, expiryThresholdDays, keyStrategy, readOnlyByDefault, runRetentionDays, environments);
    }

    public Settings withExpiryThresholdDays(List<Integer> days) {
        return new Settings(instances, workspaceRoots, theme, days, keyStrategy, readOnlyByDefault, runRetentionDays, environments);
    }

    public Settings withKeyStrategy(KeyStrategy s) {
        return new Settings(instances, workspaceRoots, theme, expiryThresholdDays, s, readOnlyByDefault, runRetentionDays, environments);
    }

    public Settings withReadOnlyByDefault(boolean readOnly) {
        return new Settings(instances, workspaceRoots, theme, expiryThresholdDays, keyStrategy, readOnly, runRetentionDays, environments);
    }

    public Settings withInstances(List<InstanceSettings> list) {
        return new Settings(list, workspaceRoots, theme, expiryThresholdDays, keyStrategy, readOnlyByDefault, runRetentionDays, environments);
    }

    /** Adds the instance, or replaces the one with the same base URL. */
    public Settings withInstance(InstanceSettings instance) {
        List<InstanceSettings> list = new ArrayList<>(instances);
        list.removeIf(i -> i.baseUrl().equals(instance.baseUrl()));
        list.add(instance);
        return withInstances(list);
    }

    public Settings withoutInstance(String baseUrl) {
        String url = InstanceSettings.normalizeUrl(baseUrl);
        return withInstances(instances.stream().filter(i -> !i.baseUrl().equals(url)).toList());
    }

    public Optional<InstanceSettings> instance(String baseUrl) {
        String url = InstanceSettings.normalizeUrl(baseUrl);
        return instances.stream().filter(i -> i.baseUrl().equals(url)).findFirst();
    }
}

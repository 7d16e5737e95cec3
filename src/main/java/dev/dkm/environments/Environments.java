package dev.dkm.environments;

import dev.dkm.setup.AccountSide;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The helpers of one session, started on first use and kept for the session (a scan, then a preview, then a run talk
 * to the same helper), closed together. An environment that failed to start stays failed for the session, with its
 * one reason, and costs nothing more.
 */
public final class Environments implements AutoCloseable {
    private final Launch launch;
    private final HelperLimits limits;
    private final Map<String, Object> open = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public Environments(Launch launch, HelperLimits limits) {
        this.launch = launch;
        this.limits = limits;
    }

    public static Environments forThisProcess() {
        return new Environments(Launch.forThisProcess(), HelperLimits.defaults());
    }

    public Launch launch() {
        return launch;
    }

    /** True when {@code spec} is the account this process runs as: no helper, the caller does its own work. */
    public boolean isCaller(EnvironmentSpec spec) {
        return spec.kind() == EnvironmentSpec.Kind.ACCOUNT && spec.value().equals(launch.caller());
    }

    /** The environment's helper, started if needed. */
    public HelperSide open(EnvironmentSpec spec) throws EnvironmentException {
        String id = spec.id();
        synchronized (locks.computeIfAbsent(id, k -> new Object())) {
            Object known = open.get(id);
            if (known instanceof HelperSide side) {
                return side;
            }
            if (known instanceof EnvironmentException failed) {
                throw new EnvironmentException(id, failed.getMessage(), true);
            }
            try {
                HelperSide side = HelperSide.open(spec, launch, limits);
                open.put(id, side);
                return side;
            } catch (EnvironmentException e) {
                open.put(id, e);
                throw e;
            } catch (RuntimeException e) {
                EnvironmentException failed = new EnvironmentException(id, String.valueOf(e.getMessage()), true);
                open.put(id, failed);
                throw failed;
            }
        }
    }

    /**
     * The account side of an environment id (as plans and journals carry it). When its helper cannot start, a side
     * whose every step fails with that reason: the setup of that repository fails, the others go on.
     */
    public AccountSide side(String id) {
        EnvironmentSpec spec = EnvironmentSpec.parse(id);
        try {
            return open(spec);
        } catch (EnvironmentException e) {
            return new FailedSide(id, e.getMessage());
        }
    }

    @Override
    public void close() {
        List<HelperSide> sides = new ArrayList<>();
        open.values().forEach(v -> {
            if (v instanceof HelperSide s) {
                sides.add(s);
            }
        });
        open.clear();
        sides.parallelStream().forEach(HelperSide::close);
    }
}

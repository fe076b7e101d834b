package org.srmap.siting.mip;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import java.time.Duration;

/**
 * OR-Tools' solvers: SCIP for integer programs, GLOP for their linear relaxations. A solver holds
 * native memory, so it is used inside {@link Lease} and deleted when done (OR-Tools' finalizers are
 * known to crash).
 */
public final class Solvers {
    private static boolean loaded;

    private Solvers() {}

    /** A solver that is deleted when closed. */
    public static final class Lease implements AutoCloseable {
        private final MPSolver solver;

        private Lease(MPSolver solver) {
            this.solver = solver;
        }

        public MPSolver solver() {
            return solver;
        }

        @Override
        public void close() {
            solver.delete();
        }
    }

    /** A SCIP solver for a mixed-integer program, stopping at the time limit. */
    public static Lease integer(Duration limit) {
        return lease("SCIP", limit);
    }

    /** A GLOP solver for a linear program. */
    public static Lease linear() {
        return lease("GLOP", null);
    }

    private static synchronized Lease lease(String kind, Duration limit) {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
        MPSolver solver = MPSolver.createSolver(kind);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + kind + " solver on this platform");
        }
        if (limit != null) {
            solver.setTimeLimit(limit.toMillis());
        }
        return new Lease(solver);
    }
}

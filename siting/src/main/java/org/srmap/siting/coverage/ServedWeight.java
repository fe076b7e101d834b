package org.srmap.siting.coverage;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * The part both capacitated covering models share: x_j site j open, z_gj the share of group g that
 * site j serves, with sum_j z_gj <= 1, z_gj <= x_j and sum_g w_g z_gj <= C_j x_j (weights divided by
 * a scale), and the served weight as a linear expression the model puts in its objective or a
 * constraint.
 */
final class ServedWeight {
    /** The site variables. */
    final MPVariable[] x;

    /** The served weight, scaled: the sum of these terms. */
    final List<Term> served = new ArrayList<>();

    private final MPSolver solver;

    /**
     * @param fixed the open sites when the choice is fixed (null: free)
     */
    ServedWeight(
            MPSolver solver,
            Coverage coverage,
            double[] capacity,
            List<Integer> required,
            boolean integer,
            boolean[] fixed,
            double scale) {
        this.solver = solver;
        int sites = capacity.length;
        x = new MPVariable[sites];
        MPConstraint[] room = new MPConstraint[sites];
        for (int j = 0; j < sites; j++) {
            x[j] = integer ? solver.makeBoolVar("x" + j) : solver.makeNumVar(0, 1, "x" + j);
            if (Double.isFinite(capacity[j])) {
                room[j] = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                room[j].setCoefficient(x[j], -capacity[j] / scale);
            }
        }
        for (int j : required) {
            x[j].setLb(1);
        }
        if (fixed != null) {
            for (int j = 0; j < sites; j++) {
                x[j].setBounds(fixed[j] ? 1 : 0, fixed[j] ? 1 : 0);
            }
        }
        for (int g = 0; g < coverage.groups(); g++) {
            MPConstraint once = solver.makeConstraint(Double.NEGATIVE_INFINITY, 1);
            double w = coverage.weight[g] / scale;
            for (int j : coverage.sitesOf[g]) {
                MPVariable z = solver.makeNumVar(0, 1, "z" + g + "_" + j);
                once.setCoefficient(z, 1);
                if (room[j] != null) {
                    room[j].setCoefficient(z, w);
                }
                MPConstraint onlyOpen = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                onlyOpen.setCoefficient(z, 1);
                onlyOpen.setCoefficient(x[j], -1);
                served.add(new Term(z, w));
            }
        }
    }

    /** A served-share variable and its scaled weight. */
    record Term(MPVariable z, double weight) {}

    /** Maximise the served weight. */
    void maximiseServed() {
        for (Term t : served) {
            solver.objective().setCoefficient(t.z(), t.weight());
        }
        solver.objective().setMaximization();
    }

    /** Require at least {@code least} (scaled) of served weight. */
    void requireServed(double least) {
        MPConstraint enough = solver.makeConstraint(least, Double.POSITIVE_INFINITY);
        for (Term t : served) {
            enough.setCoefficient(t.z(), t.weight());
        }
    }

    /** Require exactly k open sites. */
    void openExactly(int k) {
        MPConstraint count = solver.makeConstraint(k, k);
        for (MPVariable v : x) {
            count.setCoefficient(v, 1);
        }
    }
}

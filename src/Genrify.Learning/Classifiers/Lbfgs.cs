namespace Genrify.Learning;

/// <summary>
/// Limited-memory BFGS with a backtracking (Armijo) line search: a small, deterministic minimiser for smooth convex
/// objectives such as the L2-regularised multinomial log-loss. Stops at max |gradient| ≤ tolerance or at the iteration limit.
/// </summary>
internal static class Lbfgs
{
    /// <summary>Objective: returns f(x) and writes ∇f(x) into the gradient buffer.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>Minimises from <paramref name="x"/> (updated in place); returns the number of iterations used.</summary>
    public static int Minimize(Objective objective, double[] x, int maxIterations = 1000, double tolerance = 1e-6, int memory = 10)
    {
        int n = x.Length;
        var g = new double[n];
        var gNew = new double[n];
        var xNew = new double[n];
        var direction = new double[n];
        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        var alpha = new double[memory];
        for (int i = 0; i < memory; i++) { s[i] = new double[n]; y[i] = new double[n]; }
        int stored = 0, newest = -1;

        double f = objective(x, g);
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            if (MaxAbs(g) <= tolerance) return iteration;

            // Two-loop recursion: direction = -H·g.
            g.CopyTo(direction, 0);
            for (int k = 0; k < stored; k++)
            {
                int i = (newest - k + memory) % memory;
                alpha[i] = rho[i] * Dot(s[i], direction);
                Axpy(-alpha[i], y[i], direction);
            }
            double gamma = stored > 0 ? Dot(s[newest], y[newest]) / Dot(y[newest], y[newest]) : 1.0 / Math.Max(1.0, Norm(g));
            for (int j = 0; j < n; j++) direction[j] *= gamma;
            for (int k = stored - 1; k >= 0; k--)
            {
                int i = (newest - k + memory) % memory;
                double beta = rho[i] * Dot(y[i], direction);
                Axpy(alpha[i] - beta, s[i], direction);
            }
            for (int j = 0; j < n; j++) direction[j] = -direction[j];

            double slope = Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                for (int j = 0; j < n; j++) direction[j] = -g[j] / Math.Max(1.0, Norm(g));
                slope = Dot(g, direction);
                stored = 0;
            }

            double step = 1.0, fNew;
            while (true)
            {
                for (int j = 0; j < n; j++) xNew[j] = x[j] + step * direction[j];
                fNew = objective(xNew, gNew);
                if (fNew <= f + 1e-4 * step * slope || step < 1e-20) break;
                step *= 0.5;
            }
            if (step < 1e-20) return iteration; // no progress possible at double precision

            newest = (newest + 1) % memory;
            for (int j = 0; j < n; j++)
            {
                s[newest][j] = xNew[j] - x[j];
                y[newest][j] = gNew[j] - g[j];
            }
            double sy = Dot(s[newest], y[newest]);
            if (sy > 1e-12 * Norm(s[newest]) * Norm(y[newest]))
            {
                rho[newest] = 1.0 / sy;
                stored = Math.Min(stored + 1, memory);
            }
            else
            {
                newest = (newest - 1 + memory) % memory; // skip a pair that would break positive definiteness
            }

            double previous = f;
            xNew.CopyTo(x, 0);
            gNew.CopyTo(g, 0);
            f = fNew;
            if (Math.Abs(previous - f) <= 1e-15 * Math.Max(1.0, Math.Abs(f))) return iteration + 1;
        }
        return maxIterations;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static double MaxAbs(double[] a)
    {
        double m = 0;
        foreach (var v in a) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}

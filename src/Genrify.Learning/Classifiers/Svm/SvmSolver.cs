namespace Genrify.Learning;

/// <summary>
/// Sequential minimal optimisation for the binary C-SVC dual, following libsvm's Solver design:
/// min 0.5 a'Qa - e'a subject to y'a = 0, 0 &lt;= a_i &lt;= C_{y_i}, with second-order working-set
/// selection (Fan, Chen and Lin, JMLR 2005), shrinking of bounded variables with gradient
/// reconstruction, and an LRU cache of float kernel columns.
/// </summary>
/// <remarks>Not thread-safe; one instance per binary problem. Nothing is allocated inside the iteration loop.</remarks>
internal sealed class SvmSolver
{
    private const double Tau = 1e-12;
    private const byte LowerBound = 0, UpperBound = 1, Free = 2;

    private readonly int _l;
    private readonly SvmKernelMatrix _q;
    private readonly double[] _qd;
    private readonly sbyte[] _y;
    private readonly double[] _alpha;
    private readonly double[] _g;     // gradient of the objective
    private readonly double[] _gBar;  // sum over upper-bounded j of C_j Q_ij, for reconstruction
    private readonly byte[] _status;
    private readonly int[] _activeSet;
    private readonly double _cp, _cn, _eps;
    private readonly bool _shrinking;
    private int _activeSize;
    private bool _unshrink;

    /// <summary>Outcome of <see cref="Solve"/>: alpha in the problem's row order, the offset rho, and the iteration count.</summary>
    public readonly record struct Result(double[] Alpha, double Rho, int Iterations);

    private SvmSolver(SvmKernelMatrix q, sbyte[] y, double cp, double cn, double eps, bool shrinking)
    {
        _l = y.Length;
        _q = q;
        _qd = q.Diagonal;
        _y = (sbyte[])y.Clone();
        _alpha = new double[_l];
        _g = new double[_l];
        _gBar = new double[_l];
        _status = new byte[_l];
        _activeSet = new int[_l];
        _cp = cp;
        _cn = cn;
        _eps = eps;
        _shrinking = shrinking;
    }

    /// <summary>
    /// Solves the C-SVC dual for rows <paramref name="rows"/> of <paramref name="x"/> (n×d row-major) with labels ±1.
    /// The decision function is sum_i alpha_i y_i K(x_i, x) - rho.
    /// </summary>
    public static Result Solve(double[] x, int d, ReadOnlySpan<int> rows, sbyte[] y, double gamma,
        double cp, double cn, double eps, bool shrinking, long cacheBytes)
    {
        var q = new SvmKernelMatrix(x, d, rows, y, gamma, cacheBytes);
        return new SvmSolver(q, y, cp, cn, eps, shrinking).Run();
    }

    private double C(int i) => _y[i] > 0 ? _cp : _cn;
    private bool IsUpper(int i) => _status[i] == UpperBound;
    private bool IsLower(int i) => _status[i] == LowerBound;
    private bool IsFree(int i) => _status[i] == Free;

    private void UpdateStatus(int i)
    {
        double a = _alpha[i];
        _status[i] = a >= C(i) ? UpperBound : a <= 0 ? LowerBound : Free;
    }

    private Result Run()
    {
        int l = _l;
        // alpha = 0: every variable at its lower bound, gradient = p = -1.
        for (int i = 0; i < l; i++)
        {
            UpdateStatus(i);
            _activeSet[i] = i;
            _g[i] = -1.0;
        }
        _activeSize = l;

        int iter = 0;
        long maxIterLong = Math.Max(10_000_000L, 100L * l);
        int maxIter = (int)Math.Min(int.MaxValue, maxIterLong);
        int counter = Math.Min(l, 1000) + 1;

        while (iter < maxIter)
        {
            if (--counter == 0)
            {
                counter = Math.Min(l, 1000);
                if (_shrinking) Shrink();
            }

            if (!SelectWorkingSet(out int i, out int j))
            {
                // Optimal on the active set: check again on the whole problem.
                ReconstructGradient();
                _activeSize = l;
                if (!SelectWorkingSet(out i, out j)) break;
                counter = 1; // shrink at the next iteration
            }
            iter++;
            TakeStep(i, j);
        }

        if (iter >= maxIter && _activeSize < l)
        {
            ReconstructGradient();
            _activeSize = l;
        }

        double rho = CalculateRho();
        var alpha = new double[l];
        for (int i = 0; i < l; i++) alpha[_activeSet[i]] = _alpha[i];
        return new Result(alpha, rho, iter);
    }

    private void TakeStep(int i, int j)
    {
        int active = _activeSize;
        var qi = _q.GetColumn(i, active);
        var qj = _q.GetColumn(j, active);
        double ci = C(i), cj = C(j);
        double oldAi = _alpha[i], oldAj = _alpha[j];
        var alpha = _alpha;
        var g = _g;

        if (_y[i] != _y[j])
        {
            double quad = _qd[i] + _qd[j] + 2.0 * qi[j];
            if (quad <= 0) quad = Tau;
            double delta = (-g[i] - g[j]) / quad;
            double diff = alpha[i] - alpha[j];
            alpha[i] += delta;
            alpha[j] += delta;
            if (diff > 0)
            {
                if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = diff; }
            }
            else
            {
                if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = -diff; }
            }
            if (diff > ci - cj)
            {
                if (alpha[i] > ci) { alpha[i] = ci; alpha[j] = ci - diff; }
            }
            else
            {
                if (alpha[j] > cj) { alpha[j] = cj; alpha[i] = cj + diff; }
            }
        }
        else
        {
            double quad = _qd[i] + _qd[j] - 2.0 * qi[j];
            if (quad <= 0) quad = Tau;
            double delta = (g[i] - g[j]) / quad;
            double sum = alpha[i] + alpha[j];
            alpha[i] -= delta;
            alpha[j] += delta;
            if (sum > ci)
            {
                if (alpha[i] > ci) { alpha[i] = ci; alpha[j] = sum - ci; }
            }
            else
            {
                if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = sum; }
            }
            if (sum > cj)
            {
                if (alpha[j] > cj) { alpha[j] = cj; alpha[i] = sum - cj; }
            }
            else
            {
                if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = sum; }
            }
        }

        double dAi = alpha[i] - oldAi, dAj = alpha[j] - oldAj;
        for (int k = 0; k < active; k++)
            g[k] += qi[k] * dAi + qj[k] * dAj;

        bool wasUpperI = IsUpper(i), wasUpperJ = IsUpper(j);
        UpdateStatus(i);
        UpdateStatus(j);
        if (wasUpperI != IsUpper(i)) UpdateGBar(i, wasUpperI ? -ci : ci);
        if (wasUpperJ != IsUpper(j)) UpdateGBar(j, wasUpperJ ? -cj : cj);
    }

    private void UpdateGBar(int i, double factor)
    {
        var qi = _q.GetColumn(i, _l);
        var gBar = _gBar;
        for (int k = 0; k < _l; k++) gBar[k] += factor * qi[k];
    }

    /// <summary>Second-order working-set selection (WSS 2 of Fan, Chen, Lin); false when optimal within eps.</summary>
    private bool SelectWorkingSet(out int outI, out int outJ)
    {
        double gMax = double.NegativeInfinity, gMax2 = double.NegativeInfinity;
        int gMaxIdx = -1, gMinIdx = -1;
        double objDiffMin = double.PositiveInfinity;
        int active = _activeSize;
        var g = _g;

        for (int t = 0; t < active; t++)
        {
            if (_y[t] > 0)
            {
                if (!IsUpper(t) && -g[t] >= gMax) { gMax = -g[t]; gMaxIdx = t; }
            }
            else
            {
                if (!IsLower(t) && g[t] >= gMax) { gMax = g[t]; gMaxIdx = t; }
            }
        }

        int i = gMaxIdx;
        ReadOnlySpan<float> qi = i != -1 ? _q.GetColumn(i, active) : default;
        double qdI = i != -1 ? _qd[i] : 0;
        double yi = i != -1 ? _y[i] : 0;

        for (int j = 0; j < active; j++)
        {
            if (_y[j] > 0)
            {
                if (!IsLower(j))
                {
                    double gradDiff = gMax + g[j];
                    if (g[j] >= gMax2) gMax2 = g[j];
                    if (gradDiff > 0)
                    {
                        double quad = qdI + _qd[j] - 2.0 * yi * qi[j];
                        double objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : Tau);
                        if (objDiff <= objDiffMin) { gMinIdx = j; objDiffMin = objDiff; }
                    }
                }
            }
            else
            {
                if (!IsUpper(j))
                {
                    double gradDiff = gMax - g[j];
                    if (-g[j] >= gMax2) gMax2 = -g[j];
                    if (gradDiff > 0)
                    {
                        double quad = qdI + _qd[j] + 2.0 * yi * qi[j];
                        double objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : Tau);
                        if (objDiff <= objDiffMin) { gMinIdx = j; objDiffMin = objDiff; }
                    }
                }
            }
        }

        outI = gMaxIdx;
        outJ = gMinIdx;
        return !(gMax + gMax2 < _eps || gMinIdx == -1);
    }

    private bool BeShrunk(int i, double gMax1, double gMax2)
    {
        if (IsUpper(i)) return _y[i] > 0 ? -_g[i] > gMax1 : -_g[i] > gMax2;
        if (IsLower(i)) return _y[i] > 0 ? _g[i] > gMax2 : _g[i] > gMax1;
        return false;
    }

    private void Shrink()
    {
        double gMax1 = double.NegativeInfinity; // max { -y_i grad_i | i in I_up }
        double gMax2 = double.NegativeInfinity; // max {  y_i grad_i | i in I_low }
        for (int i = 0; i < _activeSize; i++)
        {
            if (_y[i] > 0)
            {
                if (!IsUpper(i) && -_g[i] >= gMax1) gMax1 = -_g[i];
                if (!IsLower(i) && _g[i] >= gMax2) gMax2 = _g[i];
            }
            else
            {
                if (!IsUpper(i) && -_g[i] >= gMax2) gMax2 = -_g[i];
                if (!IsLower(i) && _g[i] >= gMax1) gMax1 = _g[i];
            }
        }

        if (!_unshrink && gMax1 + gMax2 <= _eps * 10)
        {
            // Close to the end: bring every variable back once so none is wrongly left out.
            _unshrink = true;
            ReconstructGradient();
            _activeSize = _l;
        }

        for (int i = 0; i < _activeSize; i++)
        {
            if (!BeShrunk(i, gMax1, gMax2)) continue;
            _activeSize--;
            while (_activeSize > i)
            {
                if (!BeShrunk(_activeSize, gMax1, gMax2))
                {
                    SwapIndex(i, _activeSize);
                    break;
                }
                _activeSize--;
            }
        }
    }

    private void SwapIndex(int i, int j)
    {
        _q.SwapIndex(i, j);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (_g[i], _g[j]) = (_g[j], _g[i]);
        (_status[i], _status[j]) = (_status[j], _status[i]);
        (_alpha[i], _alpha[j]) = (_alpha[j], _alpha[i]);
        (_activeSet[i], _activeSet[j]) = (_activeSet[j], _activeSet[i]);
        (_gBar[i], _gBar[j]) = (_gBar[j], _gBar[i]);
    }

    /// <summary>Recomputes the gradient of the shrunk (inactive) variables from G_bar and the free variables.</summary>
    private void ReconstructGradient()
    {
        int active = _activeSize, l = _l;
        if (active == l) return;

        for (int j = active; j < l; j++) _g[j] = _gBar[j] - 1.0; // p_j = -1
        int nrFree = 0;
        for (int j = 0; j < active; j++) if (IsFree(j)) nrFree++;

        // Pick the cheaper way round: columns of the inactive variables or of the free ones.
        if ((long)nrFree * l > 2L * active * (l - active))
        {
            for (int i = active; i < l; i++)
            {
                var qi = _q.GetColumn(i, active);
                double gi = _g[i];
                for (int j = 0; j < active; j++)
                    if (IsFree(j)) gi += _alpha[j] * qi[j];
                _g[i] = gi;
            }
        }
        else
        {
            for (int i = 0; i < active; i++)
            {
                if (!IsFree(i)) continue;
                var qi = _q.GetColumn(i, l);
                double ai = _alpha[i];
                for (int j = active; j < l; j++) _g[j] += ai * qi[j];
            }
        }
    }

    private double CalculateRho()
    {
        int nrFree = 0;
        double ub = double.PositiveInfinity, lb = double.NegativeInfinity, sumFree = 0;
        for (int i = 0; i < _activeSize; i++)
        {
            double yG = _y[i] * _g[i];
            if (IsUpper(i))
            {
                if (_y[i] < 0) ub = Math.Min(ub, yG); else lb = Math.Max(lb, yG);
            }
            else if (IsLower(i))
            {
                if (_y[i] > 0) ub = Math.Min(ub, yG); else lb = Math.Max(lb, yG);
            }
            else
            {
                nrFree++;
                sumFree += yG;
            }
        }
        return nrFree > 0 ? sumFree / nrFree : (ub + lb) / 2;
    }
}

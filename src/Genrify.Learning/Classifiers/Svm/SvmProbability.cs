namespace Genrify.Learning;

/// <summary>
/// Probability estimates for SVM decision values, as libsvm computes them: Platt's sigmoid
/// 1 / (1 + exp(A f + B)) fitted with the Newton method and backtracking line search of
/// Lin, Lin and Weng (2007), and multi-class probabilities from pairwise ones by the coupling
/// method 2 of Wu, Lin and Weng (JMLR 2004).
/// </summary>
internal static class SvmProbability
{
    /// <summary>Smallest pairwise probability used in coupling (libsvm's min_prob).</summary>
    public const double MinPairwise = 1e-7;

    /// <summary>Fits (A, B) of the sigmoid to decision values and their ±1 labels (positive = class of the positive decision).</summary>
    public static (double A, double B) FitSigmoid(ReadOnlySpan<double> decisionValues, ReadOnlySpan<sbyte> labels)
    {
        int l = decisionValues.Length;
        double prior1 = 0, prior0 = 0;
        for (int i = 0; i < l; i++) if (labels[i] > 0) prior1++; else prior0++;

        const int maxIter = 100;
        const double minStep = 1e-10, sigma = 1e-12, eps = 1e-5;
        // Regularised targets (Platt) instead of 0/1, so the fit never runs to infinity.
        double hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
        double loTarget = 1 / (prior0 + 2.0);
        var t = new double[l];
        for (int i = 0; i < l; i++) t[i] = labels[i] > 0 ? hiTarget : loTarget;

        double a = 0.0, b = Math.Log((prior0 + 1.0) / (prior1 + 1.0));
        double fval = Objective(decisionValues, t, a, b);

        for (int iter = 0; iter < maxIter; iter++)
        {
            // Gradient and Hessian (with a tiny ridge sigma for positive definiteness).
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < l; i++)
            {
                double fApB = decisionValues[i] * a + b;
                double p, q;
                if (fApB >= 0)
                {
                    double e = Math.Exp(-fApB);
                    p = e / (1.0 + e);
                    q = 1.0 / (1.0 + e);
                }
                else
                {
                    double e = Math.Exp(fApB);
                    p = 1.0 / (1.0 + e);
                    q = e / (1.0 + e);
                }
                double d2 = p * q;
                h11 += decisionValues[i] * decisionValues[i] * d2;
                h22 += d2;
                h21 += decisionValues[i] * d2;
                double d1 = t[i] - p;
                g1 += decisionValues[i] * d1;
                g2 += d1;
            }
            if (Math.Abs(g1) < eps && Math.Abs(g2) < eps) break;

            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;

            double step = 1;
            while (step >= minStep)
            {
                double newA = a + step * dA, newB = b + step * dB;
                double newF = Objective(decisionValues, t, newA, newB);
                if (newF < fval + 0.0001 * step * gd)
                {
                    a = newA;
                    b = newB;
                    fval = newF;
                    break;
                }
                step /= 2.0;
            }
            if (step < minStep) break; // line search failed: keep the last good (A, B), as libsvm does
        }
        return (a, b);
    }

    private static double Objective(ReadOnlySpan<double> f, double[] t, double a, double b)
    {
        double value = 0;
        for (int i = 0; i < f.Length; i++)
        {
            double fApB = f[i] * a + b;
            value += fApB >= 0
                ? t[i] * fApB + Math.Log(1 + Math.Exp(-fApB))
                : (t[i] - 1) * fApB + Math.Log(1 + Math.Exp(fApB));
        }
        return value;
    }

    /// <summary>P(positive class | decision value) under the fitted sigmoid, computed without overflow.</summary>
    public static double Sigmoid(double decisionValue, double a, double b)
    {
        double fApB = decisionValue * a + b;
        if (fApB >= 0)
        {
            double e = Math.Exp(-fApB);
            return e / (1.0 + e);
        }
        return 1.0 / (1 + Math.Exp(fApB));
    }

    /// <summary>
    /// Couples pairwise probabilities r[i*k+j] = P(i | i or j) into class probabilities p (length k),
    /// by the fixed-point iteration of libsvm's multiclass_probability. <paramref name="q"/> (k*k) and
    /// <paramref name="qp"/> (k) are scratch.
    /// </summary>
    public static void Couple(int k, ReadOnlySpan<double> r, Span<double> p, Span<double> q, Span<double> qp)
    {
        int maxIter = Math.Max(100, k);
        double eps = 0.005 / k;
        for (int t = 0; t < k; t++)
        {
            p[t] = 1.0 / k;
            q[t * k + t] = 0;
            for (int j = 0; j < t; j++)
            {
                q[t * k + t] += r[j * k + t] * r[j * k + t];
                q[t * k + j] = q[j * k + t];
            }
            for (int j = t + 1; j < k; j++)
            {
                q[t * k + t] += r[j * k + t] * r[j * k + t];
                q[t * k + j] = -r[j * k + t] * r[t * k + j];
            }
        }

        for (int iter = 0; iter < maxIter; iter++)
        {
            double pQp = 0;
            for (int t = 0; t < k; t++)
            {
                double s = 0;
                for (int j = 0; j < k; j++) s += q[t * k + j] * p[j];
                qp[t] = s;
                pQp += p[t] * qp[t];
            }
            double maxError = 0;
            for (int t = 0; t < k; t++) maxError = Math.Max(maxError, Math.Abs(qp[t] - pQp));
            if (maxError < eps) break;

            for (int t = 0; t < k; t++)
            {
                double diff = (-qp[t] + pQp) / q[t * k + t];
                p[t] += diff;
                pQp = (pQp + diff * (diff * q[t * k + t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++)
                {
                    qp[j] = (qp[j] + diff * q[t * k + j]) / (1 + diff);
                    p[j] /= 1 + diff;
                }
            }
        }
    }
}

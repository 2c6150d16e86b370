import Foundation
@testable import PikirStats
import Testing

/// The internal special functions behind StudentT and ChiSquared
/// (GammaFunctions, IncompleteBeta, IncompleteGamma), on identities and
/// closed forms.
struct SpecialFunctionsTests {
    @Test func logBetaAgreesWithLogGamma() {
        for (a, b) in [(0.5, 0.5), (1.0, 1.0), (2.5, 7.0), (0.5, 12.0), (15.0, 3.0), (20.0, 30.5)] {
            let direct = lgamma(a) + lgamma(b) - lgamma(a + b)
            #expect(abs(GammaFunctions.logBeta(a, b) - direct) < 1e-13 * max(1, abs(direct)), "B(\(a), \(b))")
        }
        #expect(abs(GammaFunctions.logBeta(0.5, 0.5) - log(Double.pi)) < 1e-15)
    }

    @Test func stirlingRemainderMatchesLogGamma() {
        for x in [10.0, 17.5, 100, 12345] {
            // The reference itself cancels: lgamma(x) is known to ~1 ulp of its own size.
            let remainder = lgamma(x) - ((x - 0.5) * log(x) - x + GammaFunctions.logSqrtTwoPi)
            let tolerance = 4e-16 * lgamma(x) + 1e-15
            #expect(abs(GammaFunctions.stirlingRemainder(x) - remainder) < tolerance, "x = \(x)")
        }
    }

    @Test func incompleteBetaClosedForms() {
        for x in [0.001, 0.2, 0.5, 0.77, 0.999] {
            // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
            #expect(abs(IncompleteBeta.regularized(a: 1, b: 1, x: x, y: 1 - x).lower - x) < 1e-15)
            let xa = pow(x, 3.5)
            #expect(abs(IncompleteBeta.regularized(a: 3.5, b: 1, x: x, y: 1 - x).lower - xa) <= 1e-14 * xa)
            let yb = pow(1 - x, 2.25)
            #expect(abs(IncompleteBeta.regularized(a: 1, b: 2.25, x: x, y: 1 - x).upper - yb) <= 1e-14 * yb)
        }
        // I_½(a, a) = ½. With a and b both large the prefactor's logarithms are in
        // the thousands, which costs digits (the t distribution has b = ½).
        for (a, tolerance) in [(0.5, 1e-15), (3.0, 1e-15), (40.0, 1e-14), (5000.0, 1e-12)] {
            #expect(abs(IncompleteBeta.regularized(a: a, b: a, x: 0.5, y: 0.5).lower - 0.5) < tolerance)
        }
        let edges = IncompleteBeta.regularized(a: 2, b: 3, x: 0, y: 1)
        #expect(edges.lower == 0 && edges.upper == 1)
    }

    @Test func incompleteGammaClosedForms() {
        for x in [0.01, 0.5, 2, 10, 80] {
            // P(1, x) = 1 − e^(−x).
            let p = IncompleteGamma.regularized(a: 1, x: x)
            #expect(abs(p.upper - exp(-x)) <= 1e-14 * exp(-x))
            #expect(abs(p.lower - -expm1(-x)) <= 1e-14 * -expm1(-x))
            // Q(½, x) = erfc(√x).
            let half = IncompleteGamma.regularized(a: 0.5, x: x)
            #expect(abs(half.upper - erfc(x.squareRoot())) <= 1e-13 * erfc(x.squareRoot()))
        }
    }
}

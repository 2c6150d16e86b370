// The C library's special functions, behind one conditional import so that
// the module needs no Foundation.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// Elementary and special functions from the platform's C math library.
enum Elementary {
    static func log(_ x: Double) -> Double { libm_log(x) }
    static func log1p(_ x: Double) -> Double { libm_log1p(x) }
    static func exp(_ x: Double) -> Double { libm_exp(x) }
    static func expm1(_ x: Double) -> Double { libm_expm1(x) }
    static func erf(_ x: Double) -> Double { libm_erf(x) }
    static func erfc(_ x: Double) -> Double { libm_erfc(x) }
    static func tan(_ x: Double) -> Double { libm_tan(x) }

    /// ln |Γ(x)|, without touching the C library's global `signgam`.
    static func logGamma(_ x: Double) -> Double {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
        #else
        return lgamma(x)
        #endif
    }
}

// Module-level shims so the names above do not shadow the C functions.
@inline(__always) private func libm_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func libm_log1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) private func libm_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func libm_expm1(_ x: Double) -> Double { expm1(x) }
@inline(__always) private func libm_erf(_ x: Double) -> Double { erf(x) }
@inline(__always) private func libm_erfc(_ x: Double) -> Double { erfc(x) }
@inline(__always) private func libm_tan(_ x: Double) -> Double { tan(x) }

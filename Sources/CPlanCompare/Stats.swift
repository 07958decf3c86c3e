import Foundation

/// Descriptive statistics and distribution functions used by the comparison.
public enum Stats {
  /// The arithmetic mean; nil for no values.
  public static func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }

  /// The sample standard deviation (n - 1 in the denominator); nil for fewer than 2 values.
  public static func standardDeviation(_ values: [Double]) -> Double? {
    guard values.count > 1, let m = mean(values) else { return nil }
    let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    return (squares / Double(values.count - 1)).squareRoot()
  }

  /// The standard error of the mean, sd / √n; nil for fewer than 2 values.
  public static func standardError(_ values: [Double]) -> Double? {
    standardDeviation(values).map { $0 / Double(values.count).squareRoot() }
  }

  /// The q-quantile of values by linear interpolation between order statistics (the default
  /// of R and NumPy); nil for no values.
  /// - Parameters:
  ///   - values: the sample, in any order.
  ///   - q: between 0 and 1.
  public static func quantile(_ values: [Double], _ q: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let position = q * Double(sorted.count - 1)
    let low = Int(position.rounded(.down))
    let high = min(low + 1, sorted.count - 1)
    let fraction = position - Double(low)
    return sorted[low] + (sorted[high] - sorted[low]) * fraction
  }

  /// The standard normal distribution function Φ(z).
  public static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

  /// The binomial distribution function P(X ≤ x) for X ~ Binomial(n, 1/2), exact.
  public static func binomialHalfCDF(_ x: Int, n: Int) -> Double {
    guard x >= 0 else { return 0 }
    guard x < n else { return 1 }
    var term = 1.0  // C(n, 0)
    var sum = 1.0
    if x > 0 {
      for i in 1...x {
        term = term * Double(n - i + 1) / Double(i)
        sum += term
      }
    }
    return sum * pow(0.5, Double(n))
  }
}

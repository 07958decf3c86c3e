/// The pass@k family of estimators over `n` runs of which `c` succeeded.
public enum PassAtK {
  /// pass@k, the unbiased estimator of the chance that at least one of k runs succeeds:
  /// `1 - C(n-c, k) / C(n, k)`. With fewer than k runs it is 1 when any run succeeded, as in
  /// the harness; with no runs it is 0.
  /// - Parameters:
  ///   - n: runs.
  ///   - c: successful runs.
  ///   - k: the number of attempts.
  public static func passAt(k: Int, n: Int, c: Int) -> Double {
    guard n > 0, k > 0 else { return 0 }
    if n < k { return c > 0 ? 1 : 0 }
    return 1 - ratio(n - c, over: n, k: k)
  }

  /// pass^k, the unbiased estimator of the chance that all of k runs succeed:
  /// `C(c, k) / C(n, k)`. With fewer than k runs it is 1 when every run succeeded; with no
  /// runs it is 0. (The harness's `pass_power_3` column is `(c/n)^3` instead.)
  /// - Parameters:
  ///   - n: runs.
  ///   - c: successful runs.
  ///   - k: the number of attempts.
  public static func passPower(k: Int, n: Int, c: Int) -> Double {
    guard n > 0, k > 0 else { return 0 }
    if n < k { return c == n ? 1 : 0 }
    return ratio(c, over: n, k: k)
  }

  /// `C(a, k) / C(n, k)` as a product, exact for the small counts of an experiment.
  static func ratio(_ a: Int, over n: Int, k: Int) -> Double {
    guard a >= k else { return 0 }
    var value = 1.0
    for i in 0..<k { value *= Double(a - i) / Double(n - i) }
    return value
  }
}

import Foundation

/// Wall-clock timing and peak memory of the current process, for benchmarks.
public enum Measurement {
  /// Runs `body` `iterations` times and returns the total wall time in seconds.
  public static func seconds(iterations: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      for _ in 0..<iterations { body() }
    }
    return seconds(elapsed)
  }

  /// A duration in seconds.
  public static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  /// A duration in milliseconds.
  public static func milliseconds(_ duration: Duration) -> Double { seconds(duration) * 1000 }

  /// The peak resident set size of this process so far, in KiB.
  public static var peakResidentKiB: Int {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    return Int(usage.ru_maxrss)
  }
}

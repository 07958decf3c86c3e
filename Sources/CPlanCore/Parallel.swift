import Foundation

/// Runs independent work on every core and keeps the results in order.
public enum Parallel {
  /// `body(0) … body(count - 1)`, run concurrently, returned in index order.
  public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      slots.set(index, body(index))
    }
    return slots.values
  }
}

/// Result slots filled from several threads under a lock.
private final class Slots<T: Sendable>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: T) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [T] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}

import Foundation

/// Waiting for something another process does: `Poll.value(within: 20) {
/// read("hang.pid") }` asks every 50 ms until the answer is not nil or the
/// time is up.
public enum Poll {
  /// The first non-nil answer of `probe`, or nil after `seconds`.
  public static func value<Value>(within seconds: Double, _ probe: () -> Value?) -> Value? {
    let tries = max(1, Int(seconds / 0.05))
    for attempt in 1...tries {
      if let value = probe() { return value }
      if attempt < tries { usleep(50_000) }
    }
    return nil
  }

  /// Whether `condition` holds within `seconds`.
  public static func until(within seconds: Double, _ condition: () -> Bool) -> Bool {
    value(within: seconds) { condition() ? true : nil } != nil
  }
}

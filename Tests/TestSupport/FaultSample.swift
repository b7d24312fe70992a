import Foundation

/// Which of a suite's fault cases `swift test` runs: with
/// `GEN_MIGRATION_EVERY_FAULT=1` (as `.ci/run` runs the fault suites after
/// `swift test`) every call in both forms; otherwise every call once, the
/// two forms taking turns (a call at an even position fails before it
/// acts, one at an odd position after it acted), so that `swift test`
/// stays within its 10 minutes on two cores.
public enum FaultSample {
  public static let everyFault =
    ProcessInfo.processInfo.environment["GEN_MIGRATION_EVERY_FAULT"] == "1"

  /// Whether the sample holds the case of the call at `position` (its
  /// index among the calls a fault can hit) failed in the first form
  /// (`beforeActing`) or the second.
  public static func takesTurns(position: Int, beforeActing: Bool) -> Bool {
    (position % 2 == 0) == beforeActing
  }

  /// The cases of `cases` that take their turn.
  public static func turns<Case>(
    _ cases: [Case], position: (Case) -> Int, beforeActing: (Case) -> Bool
  ) -> [Case] {
    cases.filter { takesTurns(position: position($0), beforeActing: beforeActing($0)) }
  }

  /// `cases` as this run takes them: all of them, or the turns.
  public static func cases<Case>(
    _ cases: [Case], position: (Case) -> Int, beforeActing: (Case) -> Bool
  ) -> [Case] {
    everyFault ? cases : turns(cases, position: position, beforeActing: beforeActing)
  }

  /// Whether the turns of `cases` fail every call exactly once (`call`
  /// names it) and use both forms: what each suite's sample must hold.
  public static func turnsFailEveryCallOnceInBothForms<Case>(
    _ cases: [Case], call: (Case) -> String, position: (Case) -> Int,
    beforeActing: (Case) -> Bool
  ) -> Bool {
    let sample = turns(cases, position: position, beforeActing: beforeActing)
    let calls = sample.map(call)
    return Set(calls) == Set(cases.map(call)) && calls.count == Set(calls).count
      && Set(sample.map(beforeActing)) == [true, false]
  }
}

import Foundation

/// Which of a suite's fault cases a run takes: with
/// `GEN_MIGRATION_EVERY_FAULT=1` (as `.ci/run` runs the fault suites after
/// `swift test`) every call in both forms; otherwise every call once, the
/// two forms taking turns (a call at an even position fails before it
/// acts, one at an odd position after it acted), so that `swift test`
/// stays within its 10 minutes on two cores.
///
/// A suite describes its cases once: which call each fails (`call`), the
/// call's position among the calls a fault can hit, and whether it fails
/// before the call acts.
public struct FaultSample<Case: Sendable>: Sendable {
  public let every: [Case]
  private let call: @Sendable (Case) -> String
  private let position: @Sendable (Case) -> Int
  private let beforeActing: @Sendable (Case) -> Bool

  public init(
    _ every: [Case], call: @escaping @Sendable (Case) -> String,
    position: @escaping @Sendable (Case) -> Int,
    beforeActing: @escaping @Sendable (Case) -> Bool
  ) {
    self.every = every
    self.call = call
    self.position = position
    self.beforeActing = beforeActing
  }

  /// The cases that take their turn.
  public var turns: [Case] {
    every.filter { (position($0) % 2 == 0) == beforeActing($0) }
  }

  /// The cases this run takes: all of them, or the turns.
  public var cases: [Case] { everyFaultRequested ? every : turns }

  /// Whether the turns fail every call exactly once and use both forms:
  /// what each suite's sample must hold.
  public var turnsFailEveryCallOnceInBothForms: Bool {
    let sample = turns
    let calls = sample.map(call)
    return Set(calls) == Set(every.map(call)) && calls.count == Set(calls).count
      && Set(sample.map(beforeActing)) == [true, false]
  }
}

/// `GEN_MIGRATION_EVERY_FAULT=1`: every case of every fault suite.
private let everyFaultRequested =
  ProcessInfo.processInfo.environment["GEN_MIGRATION_EVERY_FAULT"] == "1"

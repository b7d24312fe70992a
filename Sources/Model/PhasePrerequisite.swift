/// A phase that must have completed before another runs, and the parameters
/// whose values must be the ones it completed with.
///
/// `PhasePrerequisite("build", sameValues: ["TARGET"])` on a check phase
/// renders in the runbook as "Run this phase only after the `build` phase
/// completed, with the same `TARGET`", and in the script as a preflight
/// check (exit 3) of the record the build phase left.
public struct PhasePrerequisite: Codable, Equatable, Sendable {
  /// The id of an earlier phase.
  public var phase: String
  /// Non-secret parameters both phases use, e.g. the cluster the two
  /// phases must talk to. Others (a timeout) may change between the runs.
  public var sameValues: [String]

  public init(_ phase: String, sameValues: [String] = []) {
    self.phase = phase
    self.sameValues = sameValues
  }
}

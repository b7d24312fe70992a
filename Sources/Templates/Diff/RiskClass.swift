/// How much a change matters to a reviewer, most serious first:
///
/// - `safety`: a step becomes destructive, or stops being marked so while it
///   still destroys; a confirmation, context guard or check disappears; a
///   secret becomes visible; a timeout shrinks; retries are added to a
///   destructive step; a new tool or access is needed.
/// - `behaviour`: anything else that changes what runs.
/// - `wording`: what the operator reads and nothing else (titles,
///   explanations, limitations, admonitions, corrections).
///
/// `gen-migration diff --fail-on safety|behaviour|any` exits 3 when a change
/// of at least that class exists.
public enum RiskClass: String, Codable, CaseIterable, Comparable, Sendable {
  case safety, behaviour, wording

  /// Whether this class is at least as serious as `threshold`:
  /// `.safety.isAtLeast(.behaviour)` is true.
  public func isAtLeast(_ threshold: RiskClass) -> Bool { self <= threshold }

  /// Ordered most serious first, so sorting puts safety first.
  public static func < (lhs: RiskClass, rhs: RiskClass) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// "Safety", "Behaviour", "Wording": the heading of its group.
  public var heading: String {
    switch self {
    case .safety: "Safety"
    case .behaviour: "Behaviour"
    case .wording: "Wording"
    }
  }
}

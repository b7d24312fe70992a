import Model

/// What changed from one procedure version to another, as typed changes
/// each with its risk class: a reviewer's question "what changed since the
/// version we ran last quarter, and what of it can hurt?" as data.
/// `ProcedureDiff.between(old, new, rules:)` computes it; `DiffSummary`,
/// `DiffMarkdown`, `DiffJSON` and the runbook's "Changes since" render it.
public struct ProcedureDiff: Equatable, Sendable {
  /// A change, how much it matters, and for a safety change why.
  public struct Entry: Codable, Equatable, Sendable {
    public var risk: RiskClass
    public var change: ProcedureChange
    /// Why a safety change is one: "a secret becomes visible".
    public var reason: String?

    public init(_ risk: RiskClass, _ change: ProcedureChange, because reason: String? = nil) {
      self.risk = risk
      self.change = change
      self.reason = reason
    }
  }

  public var from: String
  public var to: String
  /// In the order found: steps in the new version's order, then phases,
  /// parameters, requirements and prose.
  public var entries: [Entry]

  public var isEmpty: Bool { entries.isEmpty }
  public var changes: [ProcedureChange] { entries.map(\.change) }

  /// Whether a change of at least `threshold` exists: what `--fail-on` asks.
  public func hasChange(atLeast threshold: RiskClass) -> Bool {
    entries.contains { $0.risk.isAtLeast(threshold) }
  }

  /// The entries of one class, in the order found.
  public func entries(_ risk: RiskClass) -> [Entry] { entries.filter { $0.risk == risk } }

  public static func between(_ old: Procedure, _ new: Procedure, rules: RiskRules) -> ProcedureDiff
  {
    let classifier = RiskClassifier(old: old, new: new, rules: rules)
    return ProcedureDiff(
      from: old.reference, to: new.reference,
      entries: changes(old, new).map {
        Entry(classifier.risk(of: $0), $0, because: classifier.safetyReason($0))
      })
  }

  /// Every change, unclassified.
  public static func changes(_ old: Procedure, _ new: Procedure) -> [ProcedureChange] {
    stepChanges(old, new) + PhaseComparison.changes(old.phases, new.phases)
      + ParameterComparison.changes(old.parameters, new.parameters)
      + ProcedureComparison.changes(old, new)
  }

  static func stepChanges(_ old: Procedure, _ new: Procedure) -> [ProcedureChange] {
    let matching = StepMatching(old: old.orderedSteps, new: new.orderedSteps)
    let moved = movedSteps(matching.pairs.map { ($0.old, $0.new) }, old: old, new: new)
    var changes: [ProcedureChange] = []
    var replacing: [String: [ProcedureChange]] = [:]
    for group in matching.replaced {
      replacing[group.new[0].step.id] = [
        .stepReplaced(
          old: group.old.map { StepReference($0.step, in: $0.phase) },
          new: group.new.map { StepReference($0.step, in: $0.phase) })
      ]
    }
    let added = Set(matching.added.map(\.step.id))
    let pairs = Dictionary(
      matching.pairs.map { ($0.new.step.id, $0) }, uniquingKeysWith: { first, _ in first })
    for entry in new.orderedSteps {
      let id = entry.step.id
      let reference = StepReference(entry.step, in: entry.phase)
      if added.contains(id) { changes.append(.stepAdded(step: reference)) }
      changes += replacing[id] ?? []
      guard let pair = pairs[id] else { continue }
      if pair.renamed {
        changes.append(
          .stepRenamed(old: StepReference(pair.old.step, in: pair.old.phase), new: reference))
      }
      if let after = moved[id] {
        changes.append(.stepMoved(step: reference, oldPhase: pair.old.phase.id, after: after))
      }
      changes += StepComparison.changes(pair.old.step, pair.new.step)
    }
    changes += matching.removed.map { .stepRemoved(step: StepReference($0.step, in: $0.phase)) }
    return changes
  }

  /// The steps both versions have whose place changed, by new id, with the
  /// step each now follows in its phase (nil when it is the phase's first):
  /// a step now in another phase, and, among the steps that stayed in a
  /// phase, those `difference` must insert to turn their old order into the
  /// new one. Reordering the phases moves no step.
  static func movedSteps(
    _ pairs: [(old: StepMatching.Entry, new: StepMatching.Entry)], old: Procedure,
    new: Procedure
  ) -> [String: String?] {
    let oldIndex = Dictionary(
      old.orderedSteps.enumerated().map { ($1.step.id, $0) }, uniquingKeysWith: { a, _ in a })
    var moved = Set(pairs.filter { $0.old.phase.id != $0.new.phase.id }.map(\.new.step.id))
    for phase in new.phases {
      let stayed = pairs.filter { $0.new.phase.id == phase.id && $0.old.phase.id == phase.id }
      let newOrder = stayed.map(\.new.step.id)
      let oldOrder = stayed.sorted { oldIndex[$0.old.step.id]! < oldIndex[$1.old.step.id]! }
        .map(\.new.step.id)
      for case .insert(_, let id, _) in newOrder.difference(from: oldOrder) { moved.insert(id) }
    }
    var result: [String: String?] = [:]
    for id in moved {
      let steps = new.phases.first { $0.steps.contains { $0.id == id } }?.steps.map(\.id) ?? []
      let index = steps.firstIndex(of: id) ?? 0
      result[id] = index > 0 ? steps[index - 1] : String?.none
    }
    return result
  }
}

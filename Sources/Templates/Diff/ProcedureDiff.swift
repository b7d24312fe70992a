import Model

/// What changed from one procedure version to another, matched by step id:
/// a reviewer's question "what changed since the version we ran last
/// quarter?" as data. `ProcedureDiff.between(old, new)` computes it;
/// `DiffSummary` and the runbook's "Changes since" render it.
public struct ProcedureDiff: Codable, Equatable, Sendable {
  public struct StepReference: Codable, Equatable, Sendable {
    public var id: String
    public var phase: String
    public var title: String
  }

  public struct ChangedStep: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    /// One line a change, e.g. `title: "Old" → "New"` or `commands changed`.
    public var changes: [String]
    /// Line diff of the step's commands, SQL, files and waits (`-`/`+` lines).
    public var commandDiff: [String]
  }

  public struct ChangedDefault: Codable, Equatable, Sendable {
    public var name: String
    public var old: String?
    public var new: String?
  }

  public var from: String
  public var to: String
  public var addedSteps: [StepReference] = []
  public var removedSteps: [StepReference] = []
  /// Steps found in both, in a different order or another phase.
  public var movedSteps: [StepReference] = []
  public var changedSteps: [ChangedStep] = []
  public var addedParameters: [String] = []
  public var removedParameters: [String] = []
  public var changedDefaults: [ChangedDefault] = []
  public var addedTools: [String] = []
  public var removedTools: [String] = []
  public var addedAccesses: [String] = []
  public var removedAccesses: [String] = []
  public var addedPhases: [String] = []
  public var removedPhases: [String] = []

  public var isEmpty: Bool {
    addedSteps.isEmpty && removedSteps.isEmpty && movedSteps.isEmpty && changedSteps.isEmpty
      && addedParameters.isEmpty && removedParameters.isEmpty && changedDefaults.isEmpty
      && addedTools.isEmpty && removedTools.isEmpty && addedAccesses.isEmpty
      && removedAccesses.isEmpty && addedPhases.isEmpty && removedPhases.isEmpty
  }

  public static func between(_ old: Procedure, _ new: Procedure) -> ProcedureDiff {
    var diff = ProcedureDiff(from: old.reference, to: new.reference)
    let oldSteps = old.orderedSteps
    let newSteps = new.orderedSteps
    let oldById = Dictionary(
      oldSteps.map { ($0.step.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newById = Dictionary(
      newSteps.map { ($0.step.id, $0) }, uniquingKeysWith: { first, _ in first })
    func reference(_ entry: (phase: Phase, step: Step)) -> StepReference {
      StepReference(id: entry.step.id, phase: entry.phase.id, title: entry.step.title)
    }
    diff.addedSteps = newSteps.filter { oldById[$0.step.id] == nil }.map(reference)
    diff.removedSteps = oldSteps.filter { newById[$0.step.id] == nil }.map(reference)

    // Order of the steps both have: what `difference` must remove to turn the
    // old order into the new one has moved (as has a step that changed phase).
    let commonOld = oldSteps.filter { newById[$0.step.id] != nil }.map {
      "\($0.phase.id)/\($0.step.id)"
    }
    let commonNew = newSteps.filter { oldById[$0.step.id] != nil }.map {
      "\($0.phase.id)/\($0.step.id)"
    }
    var moved = Set<String>()
    for change in commonNew.difference(from: commonOld) {
      if case .remove(_, let key, _) = change {
        moved.insert(String(key.split(separator: "/").last!))
      }
    }
    diff.movedSteps = newSteps.filter { moved.contains($0.step.id) }.map(reference)

    for entry in newSteps {
      guard let before = oldById[entry.step.id] else { continue }
      let changes = StepChanges.describe(before.step, entry.step)
      let commands = StepChanges.commandDiff(before.step, entry.step)
      if !changes.isEmpty || !commands.isEmpty {
        diff.changedSteps.append(
          ChangedStep(
            id: entry.step.id, title: entry.step.title,
            changes: changes + (commands.isEmpty ? [] : ["commands changed"]), commandDiff: commands
          ))
      }
    }

    let oldParameters = Dictionary(
      old.parameters.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let newParameters = Dictionary(
      new.parameters.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    diff.addedParameters = new.parameters.map(\.name).filter { oldParameters[$0] == nil }
    diff.removedParameters = old.parameters.map(\.name).filter { newParameters[$0] == nil }
    diff.changedDefaults = new.parameters.compactMap { parameter in
      guard let before = oldParameters[parameter.name],
        before.defaultValue != parameter.defaultValue
      else { return nil }
      return ChangedDefault(
        name: parameter.name, old: before.defaultValue, new: parameter.defaultValue)
    }
    diff.addedTools = new.derivedTools.filter { !old.derivedTools.contains($0) }
    diff.removedTools = old.derivedTools.filter { !new.derivedTools.contains($0) }
    diff.addedAccesses = new.requirements.accesses.filter {
      !old.requirements.accesses.contains($0)
    }
    diff.removedAccesses = old.requirements.accesses.filter {
      !new.requirements.accesses.contains($0)
    }
    diff.addedPhases = new.phases.map(\.id).filter { id in !old.phases.contains { $0.id == id } }
    diff.removedPhases = old.phases.map(\.id).filter { id in !new.phases.contains { $0.id == id } }
    return diff
  }
}

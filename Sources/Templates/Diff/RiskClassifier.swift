import Model

/// What the classifier cannot tell from the model alone: whether a step's
/// commands still destroy something when it is no longer marked
/// destructive. The command line passes lint's table of destructive shell
/// shapes; `conservative` assumes they always do.
public struct RiskRules: Sendable {
  public var stillDestroys: @Sendable (Step) -> Bool

  public init(stillDestroys: @escaping @Sendable (Step) -> Bool) {
    self.stillDestroys = stillDestroys
  }

  /// A step that stops being marked destructive is a safety change.
  public static let conservative = RiskRules { _ in true }
}

/// The risk class of each change (see `RiskClass`), read against both
/// versions: a timeout given as `${WAIT_TIMEOUT}` is compared by the
/// parameter's default, and retries matter on a step the new version marks
/// destructive.
struct RiskClassifier {
  let old: Procedure
  let new: Procedure
  let rules: RiskRules

  func risk(of change: ProcedureChange) -> RiskClass {
    switch change {
    case .stepAdded(let step):
      return step.destroys != nil ? .safety : .behaviour
    case .stepRemoved(let step):
      return guards(of: [step.id], in: old) > 0 ? .safety : .behaviour
    case .stepReplaced(let before, let after):
      let newlyDestructive = after.contains { step in
        step.destroys != nil && !before.contains { $0.destroys == step.destroys }
      }
      return newlyDestructive
        || guards(of: before.map(\.id), in: old)
          > guards(of: after.map(\.id), in: new)
        ? .safety : .behaviour
    case .stepMoved, .stepRenamed, .commands, .choice, .cleanup, .optional, .concurrency:
      return .behaviour
    case .destroys(_, _, _?):
      return .safety
    case .destroys(let id, _, nil):
      return step(id, in: new).map(rules.stillDestroys) ?? true ? .safety : .behaviour
    case .wait(_, let before?, let after?):
      if let was = seconds(before.timeoutSeconds, in: old),
        let now = seconds(after.timeoutSeconds, in: new), now < was
      {
        return .safety
      }
      return before.condition == after.condition && before.intervalSeconds == after.intervalSeconds
        && before.timeoutSeconds == after.timeoutSeconds ? .wording : .behaviour
    case .wait:
      return .behaviour
    case .check(_, let before?, let after?):
      if case .equalsParameter = before.expectation, before.expectation != after.expectation {
        return .safety
      }
      return before.command == after.command && before.expectation == after.expectation
        ? .wording : .behaviour
    case .check(_, _?, nil), .instruction(_, _?, nil), .pin(_, _?, nil),
      .prerequisite(_, _?, nil):
      return .safety
    case .check, .pin, .prerequisite(_, nil, _):
      return .behaviour
    case .prerequisite(_, let before?, let after?):
      return Set(before.sameValues).isSubset(of: after.sameValues) ? .behaviour : .safety
    case .instruction(_, nil, _):
      return .behaviour
    case .instruction:
      return .wording
    case .retry(let id, let before, let after?):
      let destructive = step(id, in: new)?.isDestructive ?? false
      return destructive && after.attempts > (before?.attempts ?? 1) ? .safety : .behaviour
    case .retry:
      return .behaviour
    case .parameterSecret(_, let before, let after):
      return before && !after ? .safety : .behaviour
    case .parameterDefault(let name, let before, let after):
      let isTimeout = new.orderedSteps.contains { entry in
        StepComparison.waits(entry.step).contains { $0.timeoutSeconds == "${\(name)}" }
      }
      if isTimeout, let was = before.flatMap({ Int($0) }), let now = after.flatMap({ Int($0) }),
        now < was
      {
        return .safety
      }
      return .behaviour
    case .tool(_, _?), .access(_, _?):
      return .safety
    case .tool:
      return .behaviour
    case .phaseAdded, .phaseRemoved, .phaseOrder, .runsOn, .parameterAdded, .parameterRemoved,
      .parameterRequired, .parameterKind, .parameterChoices, .parameterPhases, .parameterRules,
      .stateDirectory:
      return .behaviour
    case .access, .sources, .section, .parameterMeaning, .limitation, .correction, .omission,
      .admonition, .title, .explanation, .source:
      return .wording
    }
  }

  /// How many confirmations and checks the steps hold: manual instructions,
  /// checks and verifications.
  func guards(of ids: [String], in procedure: Procedure) -> Int {
    ids.compactMap { step($0, in: procedure) }.reduce(0) { count, step in
      count + StepComparison.instructions(step).count + StepComparison.checks(step).count
    }
  }

  func step(_ id: String, in procedure: Procedure) -> Step? {
    procedure.orderedSteps.first { $0.step.id == id }?.step
  }

  /// A timeout's seconds: a whole number, or the default of the parameter
  /// it names (`${WAIT_TIMEOUT}`); nil when neither is known.
  func seconds(_ timeout: String, in procedure: Procedure) -> Int? {
    if let value = Int(timeout) { return value }
    guard timeout.hasPrefix("${"), timeout.hasSuffix("}") else { return nil }
    let name = String(timeout.dropFirst(2).dropLast())
    return procedure.parameter(named: name)?.defaultValue.flatMap { Int($0) }
  }
}

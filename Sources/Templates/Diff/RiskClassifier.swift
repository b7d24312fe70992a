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

  /// Safety when there is a reason to sign the change off, else wording
  /// when it changes only what the operator reads, else behaviour.
  func risk(of change: ProcedureChange) -> RiskClass {
    if safetyReason(change) != nil { return .safety }
    return isWording(change) ? .wording : .behaviour
  }

  /// Why a change is a safety change, in a few words for the reviewer
  /// ("a secret becomes visible"); nil when it is not one.
  func safetyReason(_ change: ProcedureChange) -> String? {
    switch change {
    case .stepAdded(let step):
      return step.destroys != nil ? "a new destructive step" : nil
    case .stepRemoved(let step):
      guard let removed = self.step(step.id, in: old) else { return nil }
      if !StepComparison.instructions(removed).isEmpty { return "a confirmation disappears" }
      return StepComparison.checks(removed).isEmpty ? nil : "a check disappears"
    case .stepReplaced(let before, let after):
      if after.contains(where: { step in
        step.destroys != nil && !before.contains { $0.destroys == step.destroys }
      }) {
        return "a step becomes destructive"
      }
      return guards(of: before.map(\.id), in: old) > guards(of: after.map(\.id), in: new)
        ? "a confirmation or check disappears" : nil
    case .destroys(_, nil, _?):
      return "the step becomes destructive"
    case .destroys(_, _?, _?):
      return "what the step destroys changes"
    case .destroys(let id, _, nil):
      // The author declared the destruction: with the same commands it is
      // still there, whether or not lint's table can see it.
      if let before = step(id, in: old), let after = step(id, in: new),
        before.actions == after.actions
      {
        return "its commands are unchanged, and the script no longer asks first"
      }
      let destroys = step(id, in: new).map(rules.stillDestroys) ?? true
      return destroys ? "its commands still destroy, and the script no longer asks first" : nil
    case .wait(_, let before?, let after?):
      guard let was = seconds(before.timeoutSeconds, in: old),
        let now = seconds(after.timeoutSeconds, in: new), now < was
      else { return nil }
      return "the timeout shrinks from \(was) s to \(now) s"
    case .check(let place, let before?, let after?):
      guard case .equalsParameter = before.expectation, before.expectation != after.expectation
      else { return nil }
      return guardName(place) + " no longer compares with a parameter"
    case .check(let place, let before?, nil):
      if case .equalsParameter = before.expectation { return guardName(place) + " disappears" }
      return "a check disappears"
    case .instruction(_, _?, nil):
      return "a confirmation disappears"
    case .pin(_, _?, nil):
      return "a context guard disappears"
    case .prerequisite(_, _?, nil):
      return "a phase no longer waits for the one it required"
    case .prerequisite(_, let before?, let after?):
      return Set(before.sameValues).isSubset(of: after.sameValues)
        ? nil : "fewer values must match the required phase's"
    case .retry(let id, let before, let after?):
      let destructive = step(id, in: new)?.isDestructive ?? false
      return destructive && after.attempts > (before?.attempts ?? 1)
        ? "more tries of a destructive step" : nil
    case .parameterSecret(_, true, false):
      return "a secret becomes visible"
    case .parameterDefault(let name, let before, let after):
      let isTimeout = new.orderedSteps.contains { entry in
        StepComparison.waits(entry.step).contains { $0.timeoutSeconds == "${\(name)}" }
      }
      guard isTimeout, let was = before.flatMap({ Int($0) }), let now = after.flatMap({ Int($0) }),
        now < was
      else { return nil }
      return "a wait's timeout shrinks from \(was) s to \(now) s"
    case .tool(_, _?):
      return "the operator needs it on PATH"
    case .access(nil, _?):
      return "a new access is needed"
    case .access(_?, _?):
      return "the access needed changes"
    case .wait, .check, .instruction, .pin, .prerequisite, .retry, .parameterSecret, .tool,
      .access, .stepMoved, .stepRenamed, .commands, .choice, .cleanup, .optional, .concurrency,
      .phaseAdded, .phaseRemoved, .phaseOrder, .runsOn, .section, .parameterAdded,
      .parameterRemoved, .parameterRequired, .parameterKind, .parameterChoices,
      .parameterMeaning, .parameterPhases, .parameterRules, .limitation, .correction, .omission,
      .admonition, .title, .explanation, .source, .stateDirectory, .sources:
      return nil
    }
  }

  /// Whether a change (not a safety one) changes only what is read.
  func isWording(_ change: ProcedureChange) -> Bool {
    switch change {
    case .wait(_, let before?, let after?):
      return before.condition == after.condition && before.intervalSeconds == after.intervalSeconds
        && before.timeoutSeconds == after.timeoutSeconds
    case .check(_, let before?, let after?):
      return before.command == after.command && before.expectation == after.expectation
    case .instruction(_, _?, _?), .access, .sources, .section, .parameterMeaning, .limitation,
      .correction, .omission, .admonition, .title, .explanation, .source:
      return true
    case .wait, .check, .instruction, .stepAdded, .stepRemoved, .stepReplaced, .stepMoved,
      .stepRenamed, .destroys, .commands, .choice, .retry, .cleanup, .optional, .concurrency,
      .phaseAdded, .phaseRemoved, .phaseOrder, .runsOn, .pin, .prerequisite, .parameterAdded,
      .parameterRemoved, .parameterDefault, .parameterRequired, .parameterSecret,
      .parameterKind, .parameterChoices, .parameterPhases, .parameterRules, .tool,
      .stateDirectory:
      return false
    }
  }

  /// "the context guard of phase main" or "a check": what an
  /// `equalsParameter` check guards.
  func guardName(_ place: ChangePlace) -> String {
    switch place {
    case .phase(let id): "the context guard of phase \(id)"
    case .procedure, .section, .step: "a context guard"
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

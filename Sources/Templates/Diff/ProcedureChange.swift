import Model

/// One change between two versions of a procedure, as data: each case
/// carries the old and the new value (nil where there is none: added or
/// removed). `ProcedureDiff.between` lists them, `RiskClassifier` gives each
/// its `RiskClass`, and `DiffSummary`, `DiffMarkdown` and `DiffJSON` render
/// them. In JSON a case is an object named after it:
/// `{"parameterSecret": {"name": "TOKEN", "old": true, "new": false}}`.
public enum ProcedureChange: Codable, Equatable, Sendable {
  // MARK: Steps, matched by id, then by similarity of title and commands.
  case stepAdded(step: StepReference)
  case stepRemoved(step: StepReference)
  /// Found in both, in another place in the order or another phase; `after`
  /// is the step it now follows (nil: first of its phase).
  case stepMoved(step: StepReference, oldPhase: String, after: String?)
  /// A step whose id changed, matched by title and commands; its other
  /// changes follow under the new id.
  case stepRenamed(old: StepReference, new: StepReference)
  /// Steps of the old version whose work the new steps take over: one by
  /// two, two by one, or one by one too different to be a rename.
  case stepReplaced(old: [StepReference], new: [StepReference])
  case destroys(step: String, old: String?, new: String?)
  /// The step's shell commands, SQL and written files, one line each.
  case commands(step: String, old: [String], new: [String])
  /// A wait, matched by position among the step's waits.
  case wait(step: String, old: WaitCondition?, new: WaitCondition?)
  /// A check: a step's check action or a manual step's verification
  /// (matched by position), or a phase's preflight check.
  case check(place: ChangePlace, old: OutputCheck?, new: OutputCheck?)
  /// A manual instruction; removing one removes a confirmation.
  case instruction(step: String, old: String?, new: String?)
  case choice(step: String, old: Choice?, new: Choice?)
  case retry(step: String, old: Retry?, new: Retry?)
  case cleanup(step: String, old: Cleanup?, new: Cleanup?)
  /// The yes/no parameter that turns the step on (nil: always runs).
  case optional(step: String, old: String?, new: String?)
  case concurrency(step: String, old: String?, new: String?)
  /// The source document lines the step implements.
  case sources(step: String, old: [String], new: [String])

  // MARK: Phases, matched by id.
  case phaseAdded(phase: PhaseReference)
  case phaseRemoved(phase: PhaseReference)
  /// The phases both versions have, in their old and their new order.
  case phaseOrder(old: [String], new: [String])
  case runsOn(phase: String, old: String, new: String)
  /// A context pin, matched by tool.
  case pin(phase: String, old: ContextPin?, new: ContextPin?)
  /// A phase that must have completed first, matched by phase.
  case prerequisite(phase: String, old: PhasePrerequisite?, new: PhasePrerequisite?)
  /// A section, matched by title.
  case section(phase: String, old: String?, new: String?)

  // MARK: Parameters, matched by name.
  case parameterAdded(parameter: Parameter)
  case parameterRemoved(parameter: Parameter)
  case parameterDefault(name: String, old: String?, new: String?)
  case parameterRequired(name: String, old: Bool, new: Bool)
  case parameterSecret(name: String, old: Bool, new: Bool)
  case parameterKind(name: String, old: Parameter.Kind, new: Parameter.Kind)
  case parameterChoices(name: String, old: [String], new: [String])
  case parameterMeaning(name: String, old: String, new: String)
  /// The phases that use it; empty means every phase.
  case parameterPhases(name: String, old: [String], new: [String])
  case parameterRules(name: String, old: [ParameterRule], new: [ParameterRule])

  // MARK: The procedure's requirements and prose.
  /// A program the commands run (derived from the model).
  case tool(old: String?, new: String?)
  case access(old: String?, new: String?)
  case limitation(old: String?, new: String?)
  /// A correction, matched by title.
  case correction(old: Correction?, new: Correction?)
  case omission(old: Omission?, new: Omission?)
  case admonition(place: ChangePlace, old: Admonition?, new: Admonition?)
  case title(place: ChangePlace, old: String, new: String)
  /// A step's or section's explanation, a phase's or the procedure's summary.
  case explanation(place: ChangePlace, old: String, new: String)
  case source(old: String?, new: String?)
  case stateDirectory(old: String?, new: String?)
}

/// Where a change is: the procedure, a phase, a section of a phase, a step.
public enum ChangePlace: Codable, Equatable, Sendable {
  case procedure
  case phase(id: String)
  case section(phase: String, title: String)
  case step(id: String)
}

/// A step as a change names it: `export-mlflow` (export): "Export MLflow …",
/// with what it destroys when it is destructive, and the parameter that
/// turns it on when it is optional.
public struct StepReference: Codable, Equatable, Sendable {
  public var id: String
  public var phase: String
  public var title: String
  public var destroys: String?
  public var enabledBy: String?

  public init(
    id: String, phase: String, title: String, destroys: String? = nil, enabledBy: String? = nil
  ) {
    self.id = id
    self.phase = phase
    self.title = title
    self.destroys = destroys
    self.enabledBy = enabledBy
  }

  init(_ step: Step, in phase: Phase) {
    self.init(
      id: step.id, phase: phase.id, title: step.title, destroys: step.destroys,
      enabledBy: step.enabledBy)
  }
}

/// A phase as a change names it: its id, title and where it runs.
public struct PhaseReference: Codable, Equatable, Sendable {
  public var id: String
  public var title: String
  public var runsOn: String

  public init(id: String, title: String, runsOn: String) {
    self.id = id
    self.title = title
    self.runsOn = runsOn
  }
}

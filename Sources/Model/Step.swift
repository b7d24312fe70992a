/// One numbered step of a procedure: a function in the script
/// (`step_save_site_config`) and a numbered heading in the runbook.
///
/// A destructive step names what it destroys; the script asks for an explicit
/// "yes" naming it before the step runs, and the runbook marks it as a danger.
public struct Step: Codable, Equatable, Sendable {
  /// Stable kebab-case id, unique in the procedure, e.g. `save-site-config`.
  public var id: String
  public var title: String
  public var explanation: String
  public var actions: [Action]
  /// What the step destroys ("the CML database schemas"); `nil` when it is
  /// not destructive. `${PARAMETER}` references in it are replaced by their
  /// values when the script asks for confirmation.
  public var destroys: String?
  public var admonitions: [Admonition]
  /// What the script undoes when it exits before the cleanup's `until` step
  /// has completed, on failure or interrupt, once this step has started.
  public var cleanup: Cleanup?
  /// How often to try the step before it counts as failed.
  public var retry: Retry?
  /// The yes/no parameter that turns this optional step on; nil means the
  /// step always runs. For example `PAUSE_DATA_LOADING`.
  public var enabledBy: String?
  /// Consecutive steps with the same group run at the same time, e.g.
  /// Pachyderm's backup and bucket clone. Such steps cannot ask the operator
  /// anything: they are neither destructive, manual nor choices.
  public var concurrentGroup: String?
  /// The command lines of the source document this step implements, e.g.
  /// `["kubectl scale statefulset -n ${NAMESPACE} db --replicas=0"]`. The
  /// runbook shows them as the step's "Source:" line and `gen-migration
  /// trace` counts each line they match as carried by this step. Empty for
  /// a step the source does not have (a check the model adds).
  public var sources: [SourceReference]

  public init(
    _ id: String,
    _ title: String,
    explanation: String = "",
    destroys: String? = nil,
    admonitions: [Admonition] = [],
    cleanup: Cleanup? = nil,
    retry: Retry? = nil,
    enabledBy: String? = nil,
    concurrentGroup: String? = nil,
    sources: [SourceReference] = [],
    @ActionsBuilder actions: () -> [Action]
  ) {
    self.id = id
    self.title = title
    self.explanation = explanation
    self.actions = actions()
    self.destroys = destroys
    self.admonitions = admonitions
    self.cleanup = cleanup
    self.retry = retry
    self.enabledBy = enabledBy
    self.concurrentGroup = concurrentGroup
    self.sources = sources
  }

  public init(
    id: String, title: String, explanation: String = "", actions: [Action],
    destroys: String? = nil, admonitions: [Admonition] = [], cleanup: Cleanup? = nil,
    retry: Retry? = nil, enabledBy: String? = nil, concurrentGroup: String? = nil,
    sources: [SourceReference] = []
  ) {
    self.id = id
    self.title = title
    self.explanation = explanation
    self.actions = actions
    self.destroys = destroys
    self.admonitions = admonitions
    self.cleanup = cleanup
    self.retry = retry
    self.enabledBy = enabledBy
    self.concurrentGroup = concurrentGroup
    self.sources = sources
  }

  public var isDestructive: Bool { destroys != nil }

  /// Manual steps need an operator: every action is a manual instruction.
  public var isManual: Bool {
    !actions.isEmpty && actions.allSatisfy { if case .manual = $0 { true } else { false } }
  }
}

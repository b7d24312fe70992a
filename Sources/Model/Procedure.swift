/// A documented operational procedure: the single source from which the
/// script (`migrate.sh`), the runbook (`README.md`) and the JSON form are
/// rendered.
///
/// For example, the CDSW→CML migration is a procedure with id `cml`, version
/// `1.0`, an `export` phase that runs on the CDSW host and an `import` phase
/// that runs wherever the workspace's kubeconfig is.
public struct Procedure: Codable, Equatable, Sendable {
  /// The format of the JSON form; a reader refuses a newer one.
  public var formatVersion: Int
  /// A short, stable, kebab-case identifier, e.g. `cml`.
  public var id: String
  public var title: String
  public var version: Version
  /// One paragraph that says what the procedure does and for whom.
  public var summary: String
  /// Where the procedure was documented before it was modelled.
  public var source: String?
  public var requirements: Requirements
  public var parameters: [Parameter]
  /// Notes, warnings and dangers that apply to the whole procedure.
  public var admonitions: [Admonition]
  /// What the procedure does not do, as its source documents it.
  public var limitations: [String]
  public var phases: [Phase]
  /// Where the model deliberately differs from its source document.
  public var corrections: [Correction]
  /// Command lines of the source document the model deliberately leaves
  /// out, each with its reason; the runbook lists them under "Source lines
  /// not modelled", and `gen-migration trace` counts them as accounted for.
  public var omissions: [Omission]
  /// The folder that holds the script's state file and log, as a template
  /// such as `${WORK_DIR}`; nil means `${HOME}/.gen-migration/ID`.
  public var stateDirectory: String?

  /// The format version this build writes and reads.
  public static let currentFormatVersion = 1

  public init(
    id: String,
    title: String,
    version: Version,
    summary: String,
    source: String? = nil,
    requirements: Requirements = Requirements(),
    parameters: [Parameter] = [],
    admonitions: [Admonition] = [],
    limitations: [String] = [],
    phases: [Phase],
    corrections: [Correction] = [],
    omissions: [Omission] = [],
    stateDirectory: String? = nil
  ) {
    self.formatVersion = Self.currentFormatVersion
    self.id = id
    self.title = title
    self.version = version
    self.summary = summary
    self.source = source
    self.requirements = requirements
    self.parameters = parameters
    self.admonitions = admonitions
    self.limitations = limitations
    self.phases = phases
    self.corrections = corrections
    self.omissions = omissions
    self.stateDirectory = stateDirectory
  }

  /// The state folder as a template: the declared one, or `${HOME}/.gen-migration/ID`.
  public var stateFolder: String { stateDirectory ?? "${HOME}/.gen-migration/\(id)" }

  /// `cml@1.0`: how the procedure is named on the command line.
  public var reference: String { "\(id)@\(version)" }

  /// Every step in the order the script runs them, with its phase.
  public var orderedSteps: [(phase: Phase, step: Step)] {
    phases.flatMap { phase in phase.steps.map { (phase, $0) } }
  }

  public func parameter(named name: String) -> Parameter? {
    parameters.first { $0.name == name }
  }
}

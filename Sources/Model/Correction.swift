/// Where the model deliberately differs from its source document: what the
/// source says, why it is wrong, and what the model does instead. The runbook
/// lists every correction in its "Corrections" section.
public struct Correction: Codable, Equatable, Sendable {
  public var title: String
  /// The source's own words (usually a command).
  public var source: String
  public var problem: String
  public var fix: String
  /// The ids of the steps that carry the fix.
  public var steps: [String]
  /// The command lines of the source document this correction changes,
  /// e.g. `["kubectl cp ${NAMESPACE}/db-0:/tmp/$site_config.csv"]`:
  /// `gen-migration trace` counts each line they match as changed by it,
  /// and the runbook lists them under the correction as "Source lines
  /// changed". Empty when the correction changes no command line (a warning
  /// the model adds, say).
  public var changes: [SourceReference]

  public init(
    _ title: String, source: String, problem: String, fix: String, steps: [String],
    changes: [SourceReference] = []
  ) {
    self.title = title
    self.source = source
    self.problem = problem
    self.fix = fix
    self.steps = steps
    self.changes = changes
  }
}

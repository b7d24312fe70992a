/// A part of a procedure that runs in one place, selected by name on the
/// script's command line: `migrate.sh export` runs the `export` phase.
public struct Phase: Codable, Equatable, Sendable {
  /// Kebab-case name used on the command line, e.g. `export`.
  public var id: String
  public var title: String
  /// Where the phase runs, e.g. "the CDSW master host".
  public var runsOn: String
  public var summary: String
  /// Checks the script makes before the first step of this phase; a failure
  /// stops the run with exit status 3 before anything changes.
  public var preflight: [OutputCheck]
  public var sections: [Section]

  public init(
    id: String,
    title: String,
    runsOn: String,
    summary: String = "",
    preflight: [OutputCheck] = [],
    @SectionsBuilder sections: () -> [Section]
  ) {
    self.id = id
    self.title = title
    self.runsOn = runsOn
    self.summary = summary
    self.preflight = preflight
    self.sections = sections()
  }

  public init(
    id: String, title: String, runsOn: String, summary: String = "",
    preflight: [OutputCheck] = [], sections: [Section]
  ) {
    self.id = id
    self.title = title
    self.runsOn = runsOn
    self.summary = summary
    self.preflight = preflight
    self.sections = sections
  }

  public var steps: [Step] { sections.flatMap(\.steps) }
}

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
  /// The earlier phases that must have completed before this one runs, in
  /// an earlier run or earlier in this one: `[PhasePrerequisite("new-cluster")]`
  /// on a retire phase. The script keeps a record of each completed phase in
  /// the state folder and refuses (exit 3) to start this phase without a
  /// record whose values match.
  public var requires: [PhasePrerequisite]
  /// Contexts every call of a tool in this phase must name, e.g. kubectl's
  /// `--context "${KUBE_CONTEXT}"`: checked by lint, stated in the runbook.
  public var pins: [ContextPin]
  public var sections: [Section]

  public init(
    id: String,
    title: String,
    runsOn: String,
    summary: String = "",
    preflight: [OutputCheck] = [],
    requires: [PhasePrerequisite] = [],
    pins: [ContextPin] = [],
    @SectionsBuilder sections: () -> [Section]
  ) {
    self.id = id
    self.title = title
    self.runsOn = runsOn
    self.summary = summary
    self.preflight = preflight
    self.requires = requires
    self.pins = pins
    self.sections = sections()
  }

  public init(
    id: String, title: String, runsOn: String, summary: String = "",
    preflight: [OutputCheck] = [], requires: [PhasePrerequisite] = [],
    pins: [ContextPin] = [], sections: [Section]
  ) {
    self.id = id
    self.title = title
    self.runsOn = runsOn
    self.summary = summary
    self.preflight = preflight
    self.requires = requires
    self.pins = pins
    self.sections = sections
  }

  public var steps: [Step] { sections.flatMap(\.steps) }
}

/// The JSON form with `requires` and `pins` optional: a file written before
/// they existed decodes (to none), and none is not written, so the
/// fingerprint of a procedure without them is what it was.
extension Phase {
  enum CodingKeys: String, CodingKey {
    case id, title, runsOn, summary, preflight, requires, pins, sections
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    title = try container.decode(String.self, forKey: .title)
    runsOn = try container.decode(String.self, forKey: .runsOn)
    summary = try container.decode(String.self, forKey: .summary)
    preflight = try container.decode([OutputCheck].self, forKey: .preflight)
    requires = try container.decodeIfPresent([PhasePrerequisite].self, forKey: .requires) ?? []
    pins = try container.decodeIfPresent([ContextPin].self, forKey: .pins) ?? []
    sections = try container.decode([Section].self, forKey: .sections)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(runsOn, forKey: .runsOn)
    try container.encode(summary, forKey: .summary)
    try container.encode(preflight, forKey: .preflight)
    if !requires.isEmpty { try container.encode(requires, forKey: .requires) }
    if !pins.isEmpty { try container.encode(pins, forKey: .pins) }
    try container.encode(sections, forKey: .sections)
  }
}

/// The JSON forms of `Step`, `Correction` and `Procedure` with their source
/// tracing fields (`sources`, `changes`, `omissions`) optional: a file
/// written before they existed still decodes (to empty lists), and an empty
/// list is not written, so the JSON form, and with it the fingerprint, of a
/// procedure without source references is what it was before.
extension Step {
  enum CodingKeys: String, CodingKey {
    case id, title, explanation, actions, destroys, admonitions, cleanup, retry, enabledBy
    case concurrentGroup, sources
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    title = try container.decode(String.self, forKey: .title)
    explanation = try container.decode(String.self, forKey: .explanation)
    actions = try container.decode([Action].self, forKey: .actions)
    destroys = try container.decodeIfPresent(String.self, forKey: .destroys)
    admonitions = try container.decode([Admonition].self, forKey: .admonitions)
    cleanup = try container.decodeIfPresent(Cleanup.self, forKey: .cleanup)
    retry = try container.decodeIfPresent(Retry.self, forKey: .retry)
    enabledBy = try container.decodeIfPresent(String.self, forKey: .enabledBy)
    concurrentGroup = try container.decodeIfPresent(String.self, forKey: .concurrentGroup)
    sources = try container.decodeIfPresent([SourceReference].self, forKey: .sources) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(explanation, forKey: .explanation)
    try container.encode(actions, forKey: .actions)
    try container.encodeIfPresent(destroys, forKey: .destroys)
    try container.encode(admonitions, forKey: .admonitions)
    try container.encodeIfPresent(cleanup, forKey: .cleanup)
    try container.encodeIfPresent(retry, forKey: .retry)
    try container.encodeIfPresent(enabledBy, forKey: .enabledBy)
    try container.encodeIfPresent(concurrentGroup, forKey: .concurrentGroup)
    if !sources.isEmpty { try container.encode(sources, forKey: .sources) }
  }
}

extension Correction {
  enum CodingKeys: String, CodingKey {
    case title, source, problem, fix, steps, changes
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    title = try container.decode(String.self, forKey: .title)
    source = try container.decode(String.self, forKey: .source)
    problem = try container.decode(String.self, forKey: .problem)
    fix = try container.decode(String.self, forKey: .fix)
    steps = try container.decode([String].self, forKey: .steps)
    changes = try container.decodeIfPresent([SourceReference].self, forKey: .changes) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(title, forKey: .title)
    try container.encode(source, forKey: .source)
    try container.encode(problem, forKey: .problem)
    try container.encode(fix, forKey: .fix)
    try container.encode(steps, forKey: .steps)
    if !changes.isEmpty { try container.encode(changes, forKey: .changes) }
  }
}

extension Procedure {
  enum CodingKeys: String, CodingKey {
    case formatVersion, id, title, version, summary, source, requirements, parameters
    case admonitions, limitations, phases, corrections, omissions, stateDirectory
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    formatVersion = try container.decode(Int.self, forKey: .formatVersion)
    id = try container.decode(String.self, forKey: .id)
    title = try container.decode(String.self, forKey: .title)
    version = try container.decode(Version.self, forKey: .version)
    summary = try container.decode(String.self, forKey: .summary)
    source = try container.decodeIfPresent(String.self, forKey: .source)
    requirements = try container.decode(Requirements.self, forKey: .requirements)
    parameters = try container.decode([Parameter].self, forKey: .parameters)
    admonitions = try container.decode([Admonition].self, forKey: .admonitions)
    limitations = try container.decode([String].self, forKey: .limitations)
    phases = try container.decode([Phase].self, forKey: .phases)
    corrections = try container.decode([Correction].self, forKey: .corrections)
    omissions = try container.decodeIfPresent([Omission].self, forKey: .omissions) ?? []
    stateDirectory = try container.decodeIfPresent(String.self, forKey: .stateDirectory)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(formatVersion, forKey: .formatVersion)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(version, forKey: .version)
    try container.encode(summary, forKey: .summary)
    try container.encodeIfPresent(source, forKey: .source)
    try container.encode(requirements, forKey: .requirements)
    try container.encode(parameters, forKey: .parameters)
    try container.encode(admonitions, forKey: .admonitions)
    try container.encode(limitations, forKey: .limitations)
    try container.encode(phases, forKey: .phases)
    try container.encode(corrections, forKey: .corrections)
    if !omissions.isEmpty { try container.encode(omissions, forKey: .omissions) }
    try container.encodeIfPresent(stateDirectory, forKey: .stateDirectory)
  }
}

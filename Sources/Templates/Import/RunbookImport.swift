import Model

/// A draft procedure made from a runbook, and what the importer wants the
/// author to know about it (renamed parameters, assumed SQL client, text it
/// could not classify). Pure: the runbook's text in, values out.
///
/// Headings become phases and sections; each code block becomes a step
/// whose explanation is the prose before it; shell blocks become shell
/// commands, SQL blocks SQL, a here-document of YAML or JSON into a file a
/// file write, and anything else a manual step quoting the block. Every step
/// carries its source lines as `NUMBER: text` references, so that
/// `gen-migration trace DRAFT RUNBOOK` accounts for every command line.
public struct RunbookImport: Equatable, Sendable {
  public var procedure: Procedure
  public var notes: [String]

  /// The draft of the runbook `text`, named `name` (its file name) in the
  /// procedure's `source`.
  public static func draft(from text: String, name: String, format: SourceFormat? = nil)
    -> RunbookImport
  {
    let format = format ?? SourceFormat.detect(text)
    let parts = RunbookParts(text, format: format).parts
    var builder = DraftBuilder(parts: parts, name: name)
    builder.build()
    var parameters = DraftParameters(
      assignments: builder.assignments, placeholders: builder.placeholders)
    let (phases, notes) = parameters.resolve(builder.phases)
    let title = builder.title ?? builder.firstHeading ?? ImportNaming.title(fromFile: name)
    let procedure = Procedure(
      id: ImportNaming.procedureID(title: title, file: name), title: title, version: "1.0",
      summary: builder.summary.isEmpty
        ? "Imported from \(name); describe what the procedure does." : builder.summary,
      source: name, parameters: parameters.declared, admonitions: builder.admonitions,
      limitations: builder.limitations, phases: phases, omissions: builder.omissions)
    return RunbookImport(procedure: procedure, notes: builder.notes + notes)
  }
}

/// Walks the runbook's parts and builds phases, sections and steps.
struct DraftBuilder {
  let parts: [RunbookParts.Part]
  let name: String
  var title: String?
  /// The first heading: the procedure's title when no heading stands alone above the rest.
  var firstHeading: String?
  var summary = ""
  var admonitions: [Admonition] = []
  var limitations: [String] = []
  var omissions: [Omission] = []
  var notes: [String] = []
  var phases: [Phase] = []
  /// `NAME=value` lines that become parameters, in order.
  var assignments: [DraftParameters.Assignment] = []
  var placeholders: [(Int, ShellRewrite.Placeholder)] = []
  /// Every variable a shell command of the runbook assigns, other than by a
  /// `NAME=value` line that becomes a parameter.
  var shellAssigned: Set<String> = []

  var phase: Phase?
  var phaseHasCode = false
  var phaseProse: [String] = []
  var phaseIntro: [String] = []
  var section: Section?
  var prose: [String] = []
  var pending: [Admonition] = []
  var stepIDs = ImportNaming.UniqueIDs()
  var phaseIDs = ImportNaming.UniqueIDs()

  init(parts: [RunbookParts.Part], name: String) {
    self.parts = parts
    self.name = name
  }

  mutating func build() {
    var known: [DraftParameters.Assignment] = []
    for part in parts {
      guard case .code(let block) = part else { continue }
      for command in SourceCommandLines.commands(in: block) {
        if let assignment = DraftParameters.Assignment(command, known: known) {
          known.append(assignment)
        } else {
          shellAssigned.formUnion(ShellText(command.text).assigns)
        }
      }
    }
    let levels = Set(
      parts.compactMap { if case .heading(let level, _, _) = $0 { level } else { nil } }
    ).sorted()
    var phaseLevel = levels.first ?? 1
    let firstHeading = parts.lazy.compactMap {
      if case .heading(let level, let title, _) = $0 { (level, title) } else { nil }
    }.first
    self.firstHeading = firstHeading.map { ImportNaming.plain($0.1) }
    if let (level, heading) = firstHeading, level == levels.first,
      parts.filter({ if case .heading(level, _, _) = $0 { true } else { false } }).count == 1
    {
      title = ImportNaming.plain(heading)
      phaseLevel = levels.count > 1 ? levels[1] : level + 1
    }
    var sawTitle = false
    for part in parts {
      switch part {
      case .heading(let level, let heading, _):
        if title != nil, !sawTitle, level < phaseLevel {
          sawTitle = true
          continue
        }
        if level <= phaseLevel {
          closePhase()
          startPhase(ImportNaming.plain(heading))
        } else {
          closeSection()
          if phase == nil { startPhase(title ?? "Procedure") }
          section = Section(title: ImportNaming.plain(heading), steps: [])
        }
      case .paragraph(let text, _):
        if ImportNaming.isLinkList(text) {
          noteOnce(
            "lists of links to the runbook's own headings are left out: the rendered runbook has its own contents"
          )
        } else if phase != nil {
          prose.append(text)
        } else if summary.isEmpty {
          summary = text
        } else {
          admonitions.append(.note(text))
        }
      case .admonition(let admonition):
        if phase == nil { admonitions.append(admonition) } else { pending.append(admonition) }
      case .code(let block):
        if phase == nil { startPhase(title ?? "Procedure") }
        if section == nil { section = Section(title: phase?.title ?? "Steps", steps: []) }
        add(block)
      }
    }
    closePhase()
  }

  mutating func noteOnce(_ note: String) {
    if !notes.contains(note) { notes.append(note) }
  }

  mutating func startPhase(_ heading: String) {
    phase = Phase(
      id: phaseIDs.make(from: heading, fallback: "phase"), title: heading,
      runsOn: "where the runbook says (not stated: fill in)", sections: [])
    phaseHasCode = false
    phaseProse = []
    phaseIntro = []
    section = nil
  }

  /// Ends the current section: prose after its last block joins that
  /// step's explanation; a section of prose only becomes a manual step
  /// quoting it. Prose under a phase's heading before any section is the
  /// phase's summary.
  mutating func closeSection() {
    guard var current = section else {
      // Prose and admonitions under a phase's heading, before its first
      // section: the phase's summary, and notes of the whole procedure.
      phaseIntro += prose
      prose = []
      admonitions += takePending()
      return
    }
    if !prose.isEmpty {
      let text = prose.joined(separator: "\n\n")
      phaseProse += prose
      if let last = current.steps.indices.last {
        let explanation = current.steps[last].explanation
        current.steps[last].explanation = explanation.isEmpty ? text : explanation + "\n\n" + text
      } else {
        current.steps.append(manualStep(quoting: text, heading: current.title))
      }
    }
    current.admonitions += takePending()
    prose = []
    if !current.steps.isEmpty {
      phase?.sections.append(current)
    } else {
      admonitions += current.admonitions
    }
    section = nil
  }

  /// Ends the current phase. A part of the runbook without code (its
  /// requirements, limitations, introduction) is not a phase: its prose
  /// becomes a note, or the limitations.
  mutating func closePhase() {
    closeSection()
    guard var current = phase else { return }
    phase = nil
    admonitions += takePending()
    if phaseHasCode {
      current.summary = phaseIntro.joined(separator: "\n\n")
      phases.append(current)
      return
    }
    let prose = phaseIntro + phaseProse
    if current.title.lowercased().contains("limitation") {
      limitations += prose
    } else if !prose.isEmpty {
      admonitions.append(.note("\(current.title): " + prose.joined(separator: "\n\n")))
    }
  }

  /// A step the runbook describes in prose only: it quotes the prose.
  mutating func manualStep(quoting text: String, heading: String) -> Step {
    let title = ImportNaming.stepTitle(explanation: text, fallback: heading)
    return Step(
      id: stepIDs.make(from: title, fallback: "step"), title: title,
      explanation: "The runbook gives no command here; the draft quotes its text as a manual step.",
      actions: [.manual(ManualInstruction(text))], admonitions: takePending())
  }

  mutating func takePending() -> [Admonition] {
    defer { pending = [] }
    return pending
  }
}

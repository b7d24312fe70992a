import Model

/// A change in words, for the summary and the markdown: a sentence of words
/// and code (`added step `d` (main): Deploy`) and, under it, detail lines
/// (`- old line`, `+ new line`) for commands and reworded text.
struct ChangeText: Equatable {
  enum Piece: Equatable {
    case words(String)
    case code(String)
  }

  var sentence: [Piece]
  var details: [String] = []

  init(_ sentence: [Piece], details: [String] = []) {
    self.sentence = sentence
    self.details = details
  }

  /// The sentence with code as written: for plain text.
  var plain: String {
    sentence.map { piece in
      switch piece {
      case .words(let text), .code(let text): text
      }
    }.joined()
  }

  static func describe(_ change: ProcedureChange) -> ChangeText {
    if let text = describeStep(change) { return text }
    return describeProcedure(change)
  }

  /// The change's sentence with the reason of a safety change after a dash,
  /// before a closing colon: `requirement reworded — a new access is
  /// needed:`.
  static func describe(_ entry: ProcedureDiff.Entry) -> ChangeText {
    var text = describe(entry.change)
    guard let reason = entry.reason else { return text }
    if case .words(let last) = text.sentence.last, last.hasSuffix(":") {
      text.sentence[text.sentence.count - 1] = .words(String(last.dropLast()))
      text.sentence.append(.words(" — \(reason):"))
    } else {
      text.sentence.append(.words(" — \(reason)"))
    }
    return text
  }

  /// `-`/`+` lines of what changed between two lists of lines.
  static func lineDiff(_ old: [String], _ new: [String]) -> [String] {
    LineDiff.editScript(from: old, to: new).filter { $0.mark != " " }.map {
      "\($0.mark) \($0.text)"
    }
  }

  /// `-`/`+` lines of a reworded text.
  static func reworded(_ old: String?, _ new: String?) -> [String] {
    lineDiff(old.map(LineDiff.lines) ?? [], new.map(LineDiff.lines) ?? [])
  }

  /// `` `id` (phase): Title ``, or `` `id` (Title) `` without the phase;
  /// then what it destroys and when it runs, if it is optional:
  /// `` `wipe` (main): Wipe, destroys the data, when `WIPE` is yes ``.
  static func step(_ step: StepReference, phase: Bool = true) -> [Piece] {
    var pieces: [Piece] = [.code(step.id), .words(phase ? " (\(step.phase)): " : " (")]
    pieces.append(.words(phase ? step.title : step.title + ")"))
    if let destroys = step.destroys { pieces.append(.words(", destroys \(destroys)")) }
    if let flag = step.enabledBy { pieces += [.words(", when "), .code(flag), .words(" is yes")] }
    return pieces
  }

  /// `` `a` (A), `b` (B) `` and `` `c` (C) ``.
  static func steps(_ steps: [StepReference]) -> [Piece] {
    var pieces: [Piece] = []
    for (index, reference) in steps.enumerated() {
      if index > 0 { pieces.append(.words(index == steps.count - 1 ? " and " : ", ")) }
      pieces += step(reference, phase: false)
    }
    return pieces
  }

  /// "step `id`", "phase `id`", "section 'T' of phase `id`", "the procedure".
  static func place(_ place: ChangePlace) -> [Piece] {
    switch place {
    case .procedure: [.words("the procedure")]
    case .phase(let id): [.words("phase "), .code(id)]
    case .section(let phase, let title): [.words("section '\(title)' of phase "), .code(phase)]
    case .step(let id): [.words("step "), .code(id)]
    }
  }

  /// `` `value` `` or the words for none.
  static func value(_ value: String?, none: String = "none") -> Piece {
    value.map(Piece.code) ?? .words(none)
  }

  static func list(_ values: [String], none: String) -> [Piece] {
    guard !values.isEmpty else { return [.words(none)] }
    var pieces: [Piece] = []
    for (index, value) in values.enumerated() {
      if index > 0 { pieces.append(.words(", ")) }
      pieces.append(.code(value))
    }
    return pieces
  }

  /// "every 5 s, up to 600 s": a wait's timing.
  static func timing(_ wait: WaitCondition) -> String {
    "every \(wait.intervalSeconds) s, up to \(wait.timeoutSeconds) s"
  }

  /// "prints nothing", "prints the value of KUBE_CONTEXT", ...
  static func expectation(_ expectation: Expectation) -> String {
    switch expectation {
    case .empty: "prints nothing"
    case .nonEmpty: "prints something"
    case .equals(let text): "prints \"\(text)\""
    case .equalsParameter(let name): "prints the value of \(name)"
    case .versionAtLeast(let version): "prints version \(version) or later"
    }
  }
}

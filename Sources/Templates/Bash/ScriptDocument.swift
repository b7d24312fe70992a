import Model

/// A bash script as a tree of a few node types, built by ``BashTranslator``
/// and printed by ``BashRenderer``, which alone decides how anything is
/// quoted. Text from the model only ever enters a node as a ``ShellWord``
/// (quoted by the renderer), a ``ScriptNode/comment(_:)`` (every line
/// prefixed), a here-document body (with a terminator that no body line
/// equals) or ``ScriptNode/userShell(_:)`` (a command the procedure declares,
/// emitted verbatim and never re-indented).
public struct ScriptDocument: Equatable, Sendable {
  public var nodes: [ScriptNode]
  public init(_ nodes: [ScriptNode] = []) { self.nodes = nodes }
}

/// One piece of a script.
public indirect enum ScriptNode: Equatable, Sendable {
  /// `# text`, one `#` a line; control characters are shown as `\xNN`.
  case comment(String)
  /// An empty line.
  case blank
  /// `NAME=word`, or `readonly NAME=word`.
  case assignment(name: String, value: ShellWord, readonly: Bool = false)
  /// `NAME=(a b c)`, one element a line when `multiline`.
  case array(name: String, elements: [ShellWord], multiline: Bool = false)
  /// `declare -A NAME=([key]=value ...)`, one entry a line.
  case associativeArray(name: String, entries: [ShellMapEntry])
  /// `name() { body }`; an empty body renders `:`.
  case function(name: String, body: [ScriptNode])
  /// One command line: its words joined by spaces.
  case statement([ShellWord])
  /// A compound command: `opening`, the body indented, then `closing`
  /// (`if ...; then` / `fi`, `case ... in` / `esac`, `NAME)` / `;;`).
  case block(opening: [ShellWord], body: [ScriptNode], closing: String)
  /// One arm of a `case`: `pattern)`, then the body and `;;` indented.
  case caseArm(pattern: String, body: [ScriptNode])
  /// `command <<'TERMINATOR'` (quoted: nothing in the body expands) or
  /// `command <<TERMINATOR` (the body's ``HereDocumentPart/expanded(_:)``
  /// parts expand). The terminator is chosen so no body line equals it.
  case hereDocument(command: [ShellWord], body: [HereDocumentPart], quoted: Bool, base: String)
  /// Shell text the procedure declares, emitted exactly: a single line is
  /// indented like its neighbours (leading blanks mean nothing to bash), text
  /// of several lines stands at column 0, never re-indented, so a
  /// here-document in it keeps its terminator.
  case userShell(String)
  /// A fixed part of the runtime, written by this package: emitted exactly.
  case runtime(String)
}

/// `[key]=value` in an associative array.
public struct ShellMapEntry: Equatable, Sendable {
  public var key: ShellWord
  public var value: ShellWord
  public init(_ key: ShellWord, _ value: ShellWord) {
    self.key = key
    self.value = value
  }
}

/// One word of a command as it should reach the program, not as it is
/// spelt: the renderer spells it.
public indirect enum ShellWord: Equatable, Sendable {
  /// Exactly this text: `it's` renders `'it'\''s'`.
  case literal(String)
  /// Bash syntax written by this package, never model text: `"$@"`, `||`,
  /// `then`. Emitted as is.
  case code(String)
  /// `NAME=value` as one word, e.g. after `||`.
  case assignment(String, ShellWord)
  /// A literal that stands bare when bash would read it as itself
  /// (`export`, `--namespace`), quoted otherwise.
  case bare(String)
  /// Text with variables expanded, in double quotes:
  /// `[.text("must be "), .variable("NAME")]` renders `"must be ${NAME}"`.
  case interpolated([InterpolatedPart])

  /// `${NAME}` in double quotes.
  public static func variable(_ name: String) -> ShellWord { .interpolated([.variable(name)]) }

  /// A template's `${NAME}` references expanded (when `expanding` says so)
  /// and everything else literal, in double quotes.
  public static func template(_ template: Template, expanding: (String) -> Bool = { _ in true })
    -> ShellWord
  {
    .interpolated(
      template.segments.map { segment in
        switch segment {
        case .literal(let text): .text(text)
        case .reference(let name): expanding(name) ? .variable(name) : .text("${\(name)}")
        }
      })
  }
}

/// A part of an interpolated word.
public enum InterpolatedPart: Equatable, Sendable {
  /// Shown exactly: `"`, `$`, `` ` `` and `\` are escaped.
  case text(String)
  /// `${NAME}`; a name that is not an identifier is shown as text.
  case variable(String)
  /// An expansion written by this package, never model text: `$1`,
  /// `${PHASE_IDS[*]}`.
  case expansion(String)
}

/// A part of a here-document's body.
public enum HereDocumentPart: Equatable, Sendable {
  /// Shown exactly, whatever it holds.
  case text(String)
  /// `${NAME}`: expands in an unquoted here-document.
  case expanded(String)
}

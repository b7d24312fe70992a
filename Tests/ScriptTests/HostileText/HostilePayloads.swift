import Testing

/// One hostile text: a name for reports and the text itself.
struct HostilePayload: Sendable, CustomTestStringConvertible {
  var name: String
  var text: String

  var testDescription: String { name }

  /// A NUL cannot be a process argument or an environment value.
  var canBeAnArgument: Bool { !text.unicodeScalars.contains("\u{0}") }
}

/// The texts that try to break out of wherever the renderers put a field.
///
/// Every payload that could run something calls `pwned`, a program the
/// harness puts on PATH that creates the canary file `$STUB_DIR/canary` and
/// records its call: a canary after any run means model text ran as code.
///
/// Invalid UTF-8 cannot live in a Swift `String`; here it is U+FFFD, what a
/// decoder makes of it. Invalid bytes in a procedure file are a JSON-level
/// test of their own.
enum HostilePayloads {
  /// The here-document delimiters the bash renderer uses
  /// (`grep -rn '<<' Sources/Templates`): SQL statements, written files,
  /// dry-run plans and help text.
  static let hereDocumentTerminators = ["SQL", "EOF", "PLAN", "TEXT"]

  static let all: [HostilePayload] =
    [
      HostilePayload(name: "newline then a command", text: "first line\npwned newline"),
      HostilePayload(name: "command substitution", text: "$(pwned dollar)"),
      HostilePayload(name: "backticks", text: "`pwned backtick`"),
      HostilePayload(name: "single quote", text: "it's'; pwned quote; echo '"),
      HostilePayload(name: "double quote", text: "say \"hi\"; pwned dquote; echo \""),
      HostilePayload(name: "backslash", text: "a\\b\\n\\"),
      HostilePayload(name: "semicolon and pipe", text: "; pwned semicolon | pwned pipe &"),
    ]
    + hereDocumentTerminators.map {
      HostilePayload(name: "here-document terminator \($0)", text: "before\n\($0)\npwned \($0)")
    }
    + [
      HostilePayload(name: "three backticks", text: "```"),
      HostilePayload(
        name: "fence and heading on lines of their own",
        text: "text\n```\n# Injected heading\n| a | b |\n```"),
      HostilePayload(name: "ANSI escape", text: "\u{1B}[31mred\u{1B}[0m \u{1B}]0;title\u{07}"),
      HostilePayload(name: "carriage return", text: "visible\rhidden"),
      HostilePayload(name: "script tag", text: "<script>alert(1)</script>"),
      HostilePayload(name: "NUL", text: "before\u{0}after"),
      HostilePayload(name: "invalid UTF-8 as U+FFFD", text: "bad \u{FFFD} byte"),
      HostilePayload(name: "very long line", text: String(repeating: "long ", count: 2_000)),
      HostilePayload(name: "leading dash", text: "-x --help"),
      HostilePayload(name: "parameter expansion", text: "${PATH:+$(pwned expansion)}"),
    ]

  /// What a harmless value of a field looks like, to compare with.
  static let plainText = "Plain words"
}

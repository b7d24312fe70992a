import Commands
import Foundation
import Lint
import Model

@testable import Templates

/// One value in one field: the procedure, what lint (the gate `render` and
/// `generate` apply) says about it, and, when it passes, the rendered
/// script and runbook.
struct HostileCase {
  let field: HostileField
  /// The payload's name, or "plain".
  let label: String
  let value: String
  let procedure: Procedure
  let errors: [Diagnostic]
  let script: String?
  let runbook: String?

  init(_ field: HostileField, _ label: String, _ value: String) {
    self.field = field
    self.label = label
    self.value = value
    procedure = field.procedure(with: value)
    errors = Linter(syntax: BashSyntaxChecker()).lint(procedure).filter { $0.severity == .error }
    script = errors.isEmpty ? BashScript.render(procedure, generator: "test") : nil
    runbook = errors.isEmpty ? Runbook.render(procedure, generator: "test") : nil
  }

  /// What shellcheck reads: the script without the fixed runtime, which is
  /// the same in every script (and checked whole, with the catalog's
  /// scripts and with this corpus's plain values). Shellcheck spends most
  /// of a second on a whole script; the generated part alone takes a
  /// fraction. Without the runtime, the generated part's globals look unused
  /// and the runtime's look unassigned, so those two codes (SC2034, SC2154)
  /// are off in this copy only.
  var checkedScript: String? {
    guard script != nil else { return nil }
    let fixed = BashRuntime.fixedParts
    var nodes = BashScript.document(procedure, generator: "test").nodes.filter { node in
      if case .runtime(let text) = node { return !fixed.contains(text) }
      return true
    }
    nodes.insert(.comment("shellcheck disable=SC2034,SC2154"), at: 1)
    return BashRenderer.render(ScriptDocument(nodes))
  }

  /// The lines of the procedure's own shell text: where a finding about how
  /// the author quoted literal text (SC2016, SC1003) is the author's, not
  /// the renderer's.
  var authorLines: Set<String> {
    var texts: [String] = []
    for phase in procedure.phases {
      texts += phase.preflight.map(\.command)
      for step in phase.steps {
        texts += step.actions.flatMap(\.shellTexts)
        if let cleanup = step.cleanup { texts.append(cleanup.command) }
      }
    }
    return Set(
      texts.flatMap { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } })
  }

  /// The four runs of the script (nil when refused).
  func run() throws -> HostileRun? {
    guard let script else { return nil }
    return try HostileRun.cached(
      script: script, fingerprint: procedure.fingerprint, arguments: runArguments,
      writtenFile: writtenPath)
  }

  var isRefused: Bool { !errors.isEmpty }

  /// "step.title × newline then a command"
  var name: String { "\(field.name) × \(label)" }

  /// The phases by name, the required target, the optional step on, and
  /// the field's own value where it is a parameter value.
  var runArguments: [String] {
    procedure.phases.map(\.id).filter { !$0.unicodeScalars.contains("\u{0}") }
      + ["--target", HostileBaseProcedure.target, "--notify", "yes"] + field.runArguments(value)
  }

  /// Where the write step writes, relative to the harness folder.
  var writtenPath: String {
    field.name == "file.path" ? value : "config.yaml"
  }

  /// A path field whose value the file system itself refuses (a missing
  /// folder, a name over 255 bytes): the run may fail, but must still run
  /// nothing else.
  var systemMayRefusePath: Bool {
    ["file.path", "procedure.stateDirectory"].contains(field.name)
      && (value.contains("/") || value.utf8.count > 255)
  }

  /// The problems of a refusal: it must say where (one of the field's
  /// locators) on one line.
  var refusalProblems: [String] {
    var problems: [String] = []
    let located = errors.contains { error in
      field.locators.contains { error.description.lowercased().contains($0.lowercased()) }
    }
    if !located {
      problems.append(
        "refused without naming where (one of \(field.locators)): \(errors.map(\.description).map(Self.visible))"
      )
    }
    for error in errors where !RunbookStructure.controlCharacters(in: error.description).isEmpty {
      problems.append(
        "the refusal is not one clean line; it holds \(RunbookStructure.controlCharacters(in: error.description)): \(Self.visible(error.description))"
      )
    }
    return problems
  }

  /// Text with control characters shown as `\u{1B}`, cut to 300 characters.
  static func visible(_ text: String) -> String {
    var shown = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F {
        shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown.count > 300 ? String(shown.prefix(300)) + "…" : shown
  }
}

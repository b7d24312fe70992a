import Model
import Testing

/// A text field of the model, and how to put a text into it in the base
/// procedure (`HostileBaseProcedure`).
struct HostileField: Sendable, CustomTestStringConvertible {
  enum Kind: Sendable {
    /// Free text or an identifier: data, never code.
    case text
    /// Shell text the author writes as code. The payload goes in as one
    /// single-quoted word (`tool note 'PAYLOAD'`), so it is still data: the
    /// script must pass it to the tool byte for byte and run nothing else.
    case shell
  }

  var name: String
  var kind: Kind
  /// A harmless value of the field, the same shape as the base's own.
  var plain: String
  /// A refusal must name one of these (case-insensitively) in its line: the
  /// step id, or the field, parameter or phase.
  var locators: [String]
  var put: @Sendable (inout Procedure, String) -> Void
  /// Extra run arguments that pass the field's value as a parameter value.
  var runArguments: @Sendable (String) -> [String] = { _ in [] }
  /// How the value reads in what the SQL client is fed.
  var inStandardInput: @Sendable (String) -> String = { $0 }

  var testDescription: String { name }

  func procedure(with value: String) -> Procedure {
    var procedure = HostileBaseProcedure.procedure
    put(&procedure, value)
    return procedure
  }
}

/// Every free-text, identifier and shell-text field of every model type:
/// procedure, phase, preflight check, section, step, action, parameter,
/// choice, concurrent group, cleanup, admonition, correction, limitation and
/// requirement. (`Version` is not a `String`: it parses or fails.)
enum HostileFields {
  static let plain = HostilePayloads.plainText
  static let plainID = "plain-words"

  /// `'it'\''s'`: one shell word that is the text.
  static func word(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
  }

  static func text(
    _ name: String, _ locators: [String], plain: String = plain,
    runArguments: @escaping @Sendable (String) -> [String] = { _ in [] },
    _ put: @escaping @Sendable (inout Procedure, String) -> Void
  ) -> HostileField {
    HostileField(
      name: name, kind: .text, plain: plain, locators: locators, put: put,
      runArguments: runArguments)
  }

  /// A shell field: the value becomes the quoted last word of `command`.
  static func shell(
    _ name: String, _ locators: [String], command: String,
    _ put: @escaping @Sendable (inout Procedure, String) -> Void
  ) -> HostileField {
    HostileField(
      name: name, kind: .shell, plain: plain, locators: locators,
      put: { procedure, value in put(&procedure, command + " " + word(value)) })
  }

  static let all: [HostileField] =
    procedureFields + phaseFields + sectionFields + stepFields + actionFields + parameterFields
    + noteFields

  static let procedureFields: [HostileField] = [
    text("procedure.id", ["procedure id"], plain: plainID) { $0.id = $1 },
    text("procedure.title", ["title"]) { $0.title = $1 },
    text("procedure.summary", ["summary"]) { $0.summary = $1 },
    text("procedure.source", ["source"]) { $0.source = $1 },
    text("procedure.stateDirectory", ["state director"], plain: "state-dir") {
      $0.stateDirectory = $1
    },
    text("limitation", ["limitation"]) { $0.limitations[0] = $1 },
    // Added beside the tools the commands run, so that no lint rule about
    // undeclared tools refuses the procedure for another reason.
    text("requirement.tool", ["requirement", "tool"], plain: "plain-tool") {
      $0.requirements.tools.append($1)
    },
    text("requirement.access", ["requirement", "access"]) { $0.requirements.accesses[0] = $1 },
  ]

  static let phaseFields: [HostileField] = [
    text("phase.id", ["phase id"], plain: plainID) { $0.phases[1].id = $1 },
    text("phase.title", ["phase 'prepare'", "phase prepare", "phases[0]"]) {
      $0.phases[0].title = $1
    },
    text("phase.runsOn", ["phase 'prepare'", "phase prepare", "phases[0]"]) {
      $0.phases[0].runsOn = $1
    },
    text("phase.summary", ["phase 'prepare'", "phase prepare", "phases[0]"]) {
      $0.phases[0].summary = $1
    },
    text("preflight.description", ["preflight"]) { $0.phases[0].preflight[0].description = $1 },
    text("preflight.failure", ["preflight"]) { $0.phases[0].preflight[0].failure = $1 },
    shell("preflight.command", ["preflight"], command: "tool ping") {
      $0.phases[0].preflight[0].command = $1
    },
  ]

  static let sectionFields: [HostileField] = [
    text("section.title", ["section"]) { $0.phases[0].sections[1].title = $1 },
    text("section.explanation", ["section"]) { $0.phases[0].sections[0].explanation = $1 },
  ]

  static let stepFields: [HostileField] = [
    text("step.id", ["step id", "steps[1]", "Load the data"], plain: plainID) {
      $0.phases[0].sections[0].steps[1].id = $1
    },
    text("step.title", ["step greet"]) { $0.phases[0].sections[0].steps[0].title = $1 },
    text("step.explanation", ["step greet"]) {
      $0.phases[0].sections[0].steps[0].explanation = $1
    },
    text("step.destroys", ["step wipe"]) { $0.phases[1].sections[0].steps[2].destroys = $1 },
    text("step.enabledBy", ["step notify"], plain: "NOTIFY") {
      $0.phases[1].sections[0].steps[3].enabledBy = $1
    },
    text("group.name", ["step backup", "step clone", "group"], plain: plainID) {
      $0.phases[1].sections[0].steps[0].concurrentGroup = $1
      $0.phases[1].sections[0].steps[1].concurrentGroup = $1
    },
    text("cleanup.until", ["step greet"], plain: "confirm-ready") {
      $0.phases[0].sections[0].steps[0].cleanup?.until = $1
    },
    shell("cleanup.command", ["step greet"], command: "tool undo-greet") {
      $0.phases[0].sections[0].steps[0].cleanup?.command = $1
    },
  ]

  static let actionFields: [HostileField] = [
    shell("shell.command", ["step record"], command: "tool record") { procedure, value in
      procedure.phases[0].sections[0].steps[4].actions[0] = .shell(ShellCommand(value))
    },
    shell(
      "sql.client", ["step load-data"], command: "kubectl exec -i db-0 -- psql -v ON_ERROR_STOP=1"
    ) { procedure, value in
      sql(&procedure) { $0.client = value }
    },
    // A string literal of a statement, so that the SQL rules of lint (a
    // statement ends with `;`) have nothing to say about the payload.
    HostileField(
      name: "sql.statements", kind: .text, plain: plain, locators: ["step load-data"],
      put: { procedure, value in sql(&procedure) { $0.statements = sqlStatement(value) } },
      inStandardInput: sqlLiteral),
    text("file.path", ["step write-config"], plain: "plain-words.yaml") { procedure, value in
      file(&procedure) { $0.path = value }
    },
    text("file.language", ["step write-config"], plain: "plain") { procedure, value in
      file(&procedure) { $0.language = value }
    },
    text("file.content", ["step write-config"]) { procedure, value in
      file(&procedure) { $0.content = value }
    },
    text("manual.instruction", ["step confirm-ready"]) { procedure, value in
      manual(&procedure) { $0.instruction = value }
    },
    text("manual.verification.description", ["step confirm-ready"]) { procedure, value in
      manual(&procedure) { $0.verification?.description = value }
    },
    text("manual.verification.failure", ["step confirm-ready"]) { procedure, value in
      manual(&procedure) { $0.verification?.failure = value }
    },
    shell("manual.verification.command", ["step confirm-ready"], command: "tool status") {
      procedure, value in
      manual(&procedure) { $0.verification?.command = value }
    },
    text("wait.description", ["step wait-ready"]) { procedure, value in
      wait(&procedure) { $0.description = value }
    },
    text("wait.timeout", ["step wait-ready"], plain: "30") { procedure, value in
      wait(&procedure) { $0.timeoutSeconds = value }
    },
    shell("wait.condition", ["step wait-ready"], command: "tool ready") { procedure, value in
      wait(&procedure) { $0.condition = value }
    },
    text("check.description", ["step check-status"]) { procedure, value in
      check(&procedure) { $0.description = value }
    },
    text("check.failure", ["step check-status"]) { procedure, value in
      check(&procedure) { $0.failure = value }
    },
    shell("check.command", ["step check-status"], command: "tool status") { procedure, value in
      check(&procedure) { $0.command = value }
    },
    // The command prints the expected text, so the check still passes.
    text("check.expectation.equals", ["step check-status"]) { procedure, value in
      check(&procedure) {
        $0.expectation = .equals(value)
        $0.command = "printf '%s\\n' " + word(value)
      }
    },
    text("choice.description", ["step choose-admin"]) { procedure, value in
      choice(&procedure) { $0.description = value }
    },
    text("choice.parameter", ["step choose-admin"], plain: "ADMIN") { procedure, value in
      choice(&procedure) { $0.parameter = value }
    },
    shell("choice.candidates", ["step choose-admin"], command: "tool admins") {
      procedure, value in
      choice(&procedure) { $0.candidates = value }
    },
  ]

  static let parameterFields: [HostileField] = [
    text("parameter.name", ["parameter"], plain: "PLAIN_WORDS") { $0.parameters[7].name = $1 },
    text("parameter.meaning", ["TARGET"]) { $0.parameters[0].meaning = $1 },
    text("parameter.default", ["GREETING"]) { $0.parameters[1].defaultValue = $1 },
    // The value is also passed as the parameter's value (`--mode VALUE`).
    text(
      "choice.value", ["MODE"], runArguments: modeArguments,
      { $0.parameters[2].choices = ["safe", $1] }),
    text("parameter.phase", ["ADMIN"], plain: "prepare") { $0.parameters[6].phases = [$1] },
  ]

  static let noteFields: [HostileField] = [
    text("admonition.procedure", ["admonition"]) { $0.admonitions[0].text = $1 },
    text("admonition.section", ["admonition", "section"]) {
      $0.phases[0].sections[0].admonitions[0].text = $1
    },
    text("admonition.step", ["step greet"]) {
      $0.phases[0].sections[0].steps[0].admonitions[0].text = $1
    },
    text("correction.title", ["correction"]) { $0.corrections[0].title = $1 },
    text("correction.source", ["correction"]) { $0.corrections[0].source = $1 },
    text("correction.problem", ["correction"]) { $0.corrections[0].problem = $1 },
    text("correction.fix", ["correction"]) { $0.corrections[0].fix = $1 },
    text("correction.step", ["correction"], plain: plainID) { $0.corrections[0].steps[0] = $1 },
  ]

  /// `SELECT 'it''s';`
  static func sqlStatement(_ value: String) -> String { "SELECT '\(sqlLiteral(value))';\n" }
  static func sqlLiteral(_ value: String) -> String {
    value.replacingOccurrences(of: "'", with: "''")
  }

  static func modeArguments(_ value: String) -> [String] {
    value.unicodeScalars.contains("\u{0}") ? [] : ["--mode", value]
  }

  // Edits of one action of the base procedure, by kind.

  static func sql(_ procedure: inout Procedure, _ change: (inout SQLScript) -> Void) {
    guard case .sql(var sql) = procedure.phases[0].sections[0].steps[1].actions[0] else { return }
    change(&sql)
    procedure.phases[0].sections[0].steps[1].actions[0] = .sql(sql)
  }

  static func file(_ procedure: inout Procedure, _ change: (inout FileWrite) -> Void) {
    guard case .writeFile(var file) = procedure.phases[0].sections[0].steps[2].actions[0] else {
      return
    }
    change(&file)
    procedure.phases[0].sections[0].steps[2].actions[0] = .writeFile(file)
  }

  static func manual(_ procedure: inout Procedure, _ change: (inout ManualInstruction) -> Void) {
    guard case .manual(var manual) = procedure.phases[0].sections[0].steps[3].actions[0] else {
      return
    }
    change(&manual)
    procedure.phases[0].sections[0].steps[3].actions[0] = .manual(manual)
  }

  static func wait(_ procedure: inout Procedure, _ change: (inout WaitCondition) -> Void) {
    guard case .wait(var wait) = procedure.phases[0].sections[1].steps[0].actions[0] else {
      return
    }
    change(&wait)
    procedure.phases[0].sections[1].steps[0].actions[0] = .wait(wait)
  }

  static func check(_ procedure: inout Procedure, _ change: (inout OutputCheck) -> Void) {
    guard case .check(var check) = procedure.phases[0].sections[1].steps[1].actions[0] else {
      return
    }
    change(&check)
    procedure.phases[0].sections[1].steps[1].actions[0] = .check(check)
  }

  static func choice(_ procedure: inout Procedure, _ change: (inout Choice) -> Void) {
    guard case .choose(var choice) = procedure.phases[0].sections[1].steps[2].actions[0] else {
      return
    }
    change(&choice)
    procedure.phases[0].sections[1].steps[2].actions[0] = .choose(choice)
  }
}

import Model
import Testing

/// Text the script or runbook could not carry faithfully is refused, with
/// the step and the field named.
@Suite struct TextValidationTests {
  private func procedure(_ steps: [Step], parameters: [Parameter] = []) -> Procedure {
    Procedure(
      id: "demo", title: "Demo", version: "1.0", summary: "",
      parameters: parameters,
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here", sections: [Section(title: "S", steps: steps)])
      ])
  }

  private func step(_ id: String, _ command: String, title: String? = nil) -> Step {
    Step(id: id, title: title ?? id, actions: [.shell(ShellCommand(command))])
  }

  private func errors(_ procedure: Procedure, rule: String) -> [Diagnostic] {
    procedure.validate().filter { $0.severity == .error && $0.rule == rule }
  }

  @Test(arguments: ["a\nrm -rf /", "a\r", "a\u{1B}[31m", "a\u{0}", "a\u{7F}", "a\u{9B}"])
  func aControlCharacterInATitleIsRefusedNamingTheStepAndField(title: String) throws {
    let found = errors(procedure([step("copy", "true", title: title)]), rule: "control-character")
    let diagnostic = try #require(found.first)
    #expect(diagnostic.step == "copy")
    #expect(diagnostic.message.contains("the step title"))
  }

  @Test func newlinesAndTabsAreAllowedInMultiLineText() {
    var multi = step("copy", "printf 'a\\tb'\n\ttrue")
    multi.explanation = "First line.\n\n\tSecond."
    #expect(errors(procedure([multi]), rule: "control-character") == [])
  }

  @Test func anEscapeInACommandIsRefusedWithItsLine() throws {
    let found = errors(procedure([step("copy", "true\necho \u{1B}[2J")]), rule: "control-character")
    let diagnostic = try #require(found.first)
    #expect(diagnostic.message.contains("line 2, column 6"))
  }

  @Test func aStepIdOfDigitsIsRefused() {
    let found = errors(procedure([step("backup", "true"), step("1", "true")]), rule: "numeric-id")
    #expect(found.map(\.step) == ["1"])
  }

  @Test(arguments: [
    "DRY_RUN", "STATE_FILE", "INDEX", "UID", "PROCEDURE_ID", "PS4", "LD_PRELOAD", "BASH_ENV",
    "IFS", "STEP_FUNCTIONS", "MIGRATE_STEP_ID", "EXIT_USAGE", "REPLY", "SECONDS",
  ])
  func aParameterNamedLikeARuntimeOrBashVariableIsRefused(name: String) throws {
    let found = errors(
      procedure([step("copy", "true")], parameters: [Parameter(name, "x", default: "1")]),
      rule: "reserved-name")
    #expect(found.count == 1)
    #expect(try #require(found.first).message.contains(name))
  }

  @Test func ordinaryParameterNamesAreNotReserved() {
    for name in ["NAMESPACE", "MIGRATE_CONFIG", "INDEX_NAME", "STATE", "LOG_LEVEL"] {
      #expect(!Procedure.isReserved(name), "\(name)")
    }
  }

  @Test(arguments: ["", "  \n", "kubectl delete pod x \\", "true \\\n"])
  func anEmptyCommandOrATrailingContinuationIsRefused(command: String) {
    let found = procedure([step("copy", command)]).validate().filter {
      $0.rule == "empty-command" || $0.rule == "line-continuation"
    }
    #expect(found.map(\.step) == ["copy"])
  }

  @Test func anEscapedBackslashAtTheEndIsNotAContinuation() {
    #expect(
      procedure([step("copy", "printf '%s' \\\\")]).validate().filter {
        $0.rule == "line-continuation"
      } == [])
  }

  @Test func aWaitTimeoutMustBeWholeSecondsOrOneIntegerParameter() {
    let wait = { (timeout: String) in
      Step(
        id: "wait", title: "Wait",
        actions: [.wait(WaitCondition("it", until: "true", timeout: timeout))])
    }
    let parameters = [Parameter("WAIT_TIMEOUT", "s", default: "5", kind: .integer)]
    #expect(
      errors(procedure([wait("${WAIT_TIMEOUT}")], parameters: parameters), rule: "invalid-wait")
        == [])
    #expect(
      errors(
        procedure([wait("$(touch x)${WAIT_TIMEOUT}")], parameters: parameters), rule: "invalid-wait"
      )
      .count == 1)
  }
}

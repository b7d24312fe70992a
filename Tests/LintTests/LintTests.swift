import Catalog
import Commands
import Lint
import Model
import Testing

/// Each rule catches its defect class on a hand-made procedure, and stays
/// quiet on correct shell.
@Suite struct LintTests {
  static let linter = Linter(syntax: BashSyntaxChecker())

  static func procedure(
    _ steps: [Step], parameters: [Parameter] = [], tools: [String] = []
  ) -> Procedure {
    Procedure(
      id: "bad", title: "Bad", version: "1.0", summary: "",
      requirements: Requirements(tools: tools), parameters: parameters,
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here", sections: [Section(title: "S", steps: steps)])
      ])
  }

  static func shell(_ id: String, _ command: String, destroys: String? = nil) -> Step {
    Step(
      id: id, title: id, explanation: destroys == nil ? "" : "because",
      actions: [.shell(ShellCommand(command))],
      destroys: destroys)
  }

  static func sql(_ id: String, _ statements: String, destroys: String? = nil) -> Step {
    Step(
      id: id, title: id, explanation: "why",
      actions: [.sql(SQLScript(client: "psql -v ON_ERROR_STOP=1", statements))], destroys: destroys)
  }

  func rules(_ procedure: Procedure) -> [String] { Self.linter.lint(procedure).map(\.rule) }

  @Test func theCatalogLintsClean() {
    for procedure in Catalog.procedures { #expect(Self.linter.lint(procedure) == []) }
  }

  @Test func theSourcesOwnDefectsAreCaught() {
    // CML's commands as its source document has them.
    let source = Self.procedure(
      [
        Self.shell(
          "copy-projects",
          "kubectl exec cml-migration-pod -n ${NAMESPACE} -- chown -R 8536:8536 /migration/projects; then"
        ),
        Self.shell(
          "save-site-config",
          "kubectl cp ${NAMESPACE}/db-0:/tmp/$site_config.csv ${TEMP_DIR}/site_config.csv"),
        Self.sql(
          "slugs",
          "UPDATE projects SET slug = slug || '-cdsw-user-' || user_id WHERE slug IN (SELECT slug FROM projects GROUP BY slug HAVING COUNT(*) > 1)\n"
        ),
        Self.sql(
          "context", "DELETE FROM invitations;\nTRUNCATE \\\n  access_keys, authorized_keys;\n"),
      ], parameters: [Parameter("NAMESPACE", "ns")])
    let found = Self.linter.lint(source)
    #expect(
      found.contains {
        $0.rule == "shell-syntax" && $0.step == "copy-projects" && $0.message.contains("then")
      })
    #expect(
      found.contains {
        $0.rule == "undefined-variable" && $0.step == "save-site-config"
          && $0.message.contains("$site_config")
      })
    #expect(found.contains { $0.rule == "unknown-parameter" && $0.message.contains("${TEMP_DIR}") })
    #expect(found.contains { $0.rule == "sql-unterminated" && $0.step == "slugs" })
    #expect(
      found.contains {
        $0.rule == "sql-backslash" && $0.step == "context" && $0.message.contains("line 2")
      })
    #expect(
      found.contains {
        $0.rule == "undeclared-destruction" && $0.step == "context"
          && $0.message.contains("DELETE, TRUNCATE")
      })
  }

  @Test func oneBadCommandAmongManyIsAttributedToItsStep() {
    var steps = (1...30).map { Self.shell("ok-\($0)", "for d in a b; do echo \"$d\"; done | sort") }
    steps.insert(Self.shell("broken", "if true; then echo x"), at: 17)
    let found = Self.linter.lint(Self.procedure(steps))
    #expect(found.map(\.step) == ["broken"])
    #expect(found.first?.message.contains("syntax error") == true)
  }

  @Test func correctShellIsNotReported() {
    let steps = [
      Self.shell(
        "quotes",
        #"echo '$not_a_var' "\$escaped" "$(date +%s)" && cat <<'EOF'"#
          + "\n$inside_quoted_heredoc\nEOF"),
      Self.shell(
        "loop", #"while read -r name count; do printf '%s %s\n' "$name" "$count"; done <list"#),
      Self.shell("assign", #"job=$(kubectl get jobs | awk '{ print $1 }') && echo "${job}""#),
    ]
    #expect(Self.linter.lint(Self.procedure(steps)) == [])
  }

  @Test func toolsRunButNotDeclaredAndDeclaredButNotRun() {
    let found = Self.linter.lint(
      Self.procedure([Self.shell("run", "kubectl get pods | jq .")], tools: ["kubectl", "helm"]))
    #expect(found.map(\.rule) == ["unused-tool", "undeclared-tool"])
    #expect(found.last?.message.contains("`jq`") == true)
    #expect(found.last?.severity == .error)
    #expect(found.first?.severity == .warning)
  }

  @Test func destructionHiddenInAShellCommandIsCaughtButLowercaseWordsAreNot() {
    let found = rules(
      Self.procedure([
        Self.shell("truncate", #"psql -c "TRUNCATE site_config""#),
        Self.shell("kubectl", "kubectl delete pod x && kubectl drop-in"),
        Self.sql("string", "SELECT 'DROP TABLE users'; -- DELETE FROM users\n"),
      ]))
    #expect(found == ["undeclared-destruction"])
  }

  @Test func anOptionalStepWhoseParameterDoesNotExistIsUnreachable() {
    var step = Self.shell("maybe", "true")
    step.enabledBy = "PAUSE_LOADING"
    var flagged = Self.shell("typed", "true")
    flagged.enabledBy = "COUNT"
    let found = Self.linter.lint(
      Self.procedure(
        [step, flagged], parameters: [Parameter("COUNT", "n", default: "1", kind: .integer)]))
    #expect(found.map(\.rule) == ["unreachable-step", "unreachable-step"])
    #expect(
      found.first?.message.contains("PAUSE_LOADING, which is not a declared parameter") == true)
    #expect(found.last?.message.contains("not a yes/no parameter") == true)
  }

  @Test func aVariableSetByAnEarlierStepIsAWarning() {
    let found = Self.linter.lint(
      Self.procedure([Self.shell("set", "job=$(date)"), Self.shell("use", #"echo "${job}""#)]))
    #expect(found.map(\.rule) == ["variable-from-earlier-step"])
    #expect(found.first?.severity == .warning)
    #expect(found.first?.step == "use")
  }

  @Test func structureRules() {
    let found = Self.linter.lint(
      Self.procedure([
        Self.shell("dup", "true"), Self.shell("dup", "true"),
        Step(id: "empty", title: "Empty", actions: []),
        Step(
          id: "wipe", title: "Wipe", actions: [.shell(ShellCommand("true"))], destroys: "everything"
        ),
      ]))
    #expect(
      Set(found.map(\.rule)) == ["duplicate-step-id", "empty-step", "unexplained-destruction"])
    #expect(found.first { $0.rule == "unexplained-destruction" }?.severity == .warning)
  }
}

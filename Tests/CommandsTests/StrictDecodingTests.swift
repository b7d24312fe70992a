import Catalog
import Commands
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// A procedure file decodes strictly: what the model does not have, or
/// holds in another form, is refused with its JSON path and line, never
/// ignored or guessed at.
@Suite struct StrictDecodingTests {
  static let sample = JSONForm.render(
    Procedure(
      id: "tiny", title: "Tiny", version: "1.0", summary: "One step.",
      parameters: [Parameter("TIMEOUT", "Seconds to wait.", default: "60", kind: .integer)],
      admonitions: [.warning("Careful.")],
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here",
          sections: [
            Section(
              title: "S",
              steps: [
                Step(
                  id: "drop", title: "Drop the thing",
                  actions: [
                    .shell(ShellCommand("echo dropping")),
                    .wait(WaitCondition("it to go", until: "true", timeout: "${TIMEOUT}")),
                    .check(
                      OutputCheck(
                        "nothing left", command: "true", expect: .empty, failure: "Still there.")),
                  ], destroys: "the thing")
              ])
          ])
      ]))

  /// `sample` with `old` (which must be there) replaced by `new`.
  static func edited(replacing old: String, with new: String) throws -> String {
    try #require(sample.contains(old), "the sample has no \(old)")
    return sample.replacingOccurrences(of: old, with: new)
  }

  /// Lints `bytes` as a procedure file: the one line on standard error, or
  /// "" when the file decodes.
  static func problem(_ bytes: [UInt8]) throws -> String {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Data(bytes).write(to: URL(fileURLWithPath: folder.file("p.json")))
    let result = GenMigration.run(["lint", folder.file("p.json")])
    guard result.status == 2 else { return "" }
    #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
    return String(result.standardError.dropFirst("gen-migration: \(folder.file("p.json")): ".count))
      .trimmingCharacters(in: .newlines)
  }

  static func problem(_ text: String) throws -> String { try problem(Array(text.utf8)) }

  /// "line L, column C" of the first occurrence of `text` in `json`.
  static func location(of text: String, in json: String) throws -> String {
    let range = try #require(json.range(of: text))
    let before = json[..<range.lowerBound]
    let lineStart = before.lastIndex(of: "\n").map(before.index(after:)) ?? before.startIndex
    return
      "line \(before.filter { $0 == "\n" }.count + 1), column \(before[lineStart...].count + 1)"
  }

  @Test func everyFieldTheModelWritesIsKnown() throws {
    for procedure in Catalog.procedures + [Procedure.sampleWithEveryField] {
      let decoded = try ProcedureInput.decode(JSONForm.render(procedure), file: "p.json")
      #expect(decoded == procedure, "\(procedure.reference)")
    }
    #expect(try Self.problem(Self.sample) == "")
  }

  @Test func unknownKeyNamesPathAndNearestKey() throws {
    let text = try Self.edited(replacing: "\"destroys\" :", with: "\"destroy\" :")
    let location = try Self.location(of: "\"destroy\"", in: text)
    #expect(
      try Self.problem(text)
        == "at phases[0].sections[0].steps[0]: unknown field \"destroy\"; did you mean \"destroys\"? (\(location))"
    )
  }

  @Test func aFieldOfAnotherActionKindIsUnknownInThisOne() throws {
    let text = try Self.edited(
      replacing: "\"command\" : \"echo dropping\"",
      with: "\"command\" : \"echo dropping\", \"statements\" : \"DROP TABLE t;\"")
    #expect(
      try Self.problem(text).hasPrefix(
        "at phases[0].sections[0].steps[0].actions[0]: unknown field \"statements\"; the fields here are command, kind ("
      ))
  }

  @Test func destructiveTrueIsRefusedAndPointsAtDestroys() throws {
    let text = try Self.edited(
      replacing: "\"destroys\" : \"the thing\"", with: "\"destructive\" : true")
    let location = try Self.location(of: "\"destructive\"", in: text)
    #expect(
      try Self.problem(text)
        == "at phases[0].sections[0].steps[0]: unknown field \"destructive\"; did you mean \"destroys\"? (\(location))"
    )
  }

  @Test func aMiscasedFieldIsRefusedWithTheRightSpelling() throws {
    let required = try Self.edited(replacing: "\"isSecret\" :", with: "\"IsSecret\" :")
    #expect(
      try Self.problem(required).hasPrefix(
        "at parameters[0]: missing field \"isSecret\"; found unknown field \"IsSecret\", did you mean \"isSecret\"? (line "
      ))
    let optional = try Self.edited(replacing: "\"defaultValue\" :", with: "\"DefaultValue\" :")
    #expect(
      try Self.problem(optional).hasPrefix(
        "at parameters[0]: unknown field \"DefaultValue\"; did you mean \"defaultValue\"? (line "))
  }

  @Test func schemaIsAllowedAtTheTopLevelOnly() throws {
    let top = try Self.edited(
      replacing: "\"formatVersion\" : 1",
      with: "\"$schema\" : \"https://example.com/p.json\", \"formatVersion\" : 1")
    #expect(try Self.problem(top) == "")
    let step = try Self.edited(
      replacing: "\"destroys\" :", with: "\"$schema\" : \"x\", \"destroys\" :")
    #expect(
      try Self.problem(step).hasPrefix(
        "at phases[0].sections[0].steps[0]: unknown field \"$schema\";"))
    let notText = try Self.edited(
      replacing: "\"formatVersion\" : 1", with: "\"$schema\" : 7, \"formatVersion\" : 1")
    #expect(try Self.problem(notText).hasPrefix("at $schema: expected a string, found a number"))
  }

  @Test(arguments: [
    (
      "\"kind\" : \"shell\"", "\"kind\" : \"psql\"",
      "phases[0].sections[0].steps[0].actions[0].kind",
      "\"psql\" is not one of shell, sql, writeFile, manual, wait, check, choose"
    ),
    (
      "\"kind\" : \"integer\"", "\"kind\" : \"number\"", "parameters[0].kind",
      "\"number\" is not one of text, integer, yesNo"
    ),
    (
      "\"kind\" : \"warning\"", "\"kind\" : \"caution\"", "admonitions[0].kind",
      "\"caution\" is not one of note, warning, danger"
    ),
    (
      "\"kind\" : \"empty\"", "\"kind\" : \"none\"",
      "phases[0].sections[0].steps[0].actions[2].expectation.kind",
      "\"none\" is not one of empty, nonEmpty, equals, equalsParameter, versionAtLeast"
    ),
  ])
  func wrongEnumValueListsTheValidOnes(old: String, new: String, path: String, message: String)
    throws
  {
    let problem = try Self.problem(try Self.edited(replacing: old, with: new))
    #expect(problem.hasPrefix("at \(path): \(message) (line "), "\(problem)")
  }

  @Test func aFractionWhereAWholeNumberIsNeededIsRefused() throws {
    let text = try Self.edited(
      replacing: "\"intervalSeconds\" : 5", with: "\"intervalSeconds\" : 2.5")
    #expect(
      try Self.problem(text).hasPrefix(
        "at phases[0].sections[0].steps[0].actions[1].intervalSeconds: 2.5 is not a whole number; a whole number is needed (line "
      ))
    let huge = try Self.edited(
      replacing: "\"intervalSeconds\" : 5", with: "\"intervalSeconds\" : 1e30")
    #expect(try Self.problem(huge).contains("1e30 is too large"))
  }
}

extension Procedure {
  /// A procedure in which every optional field of the model is set.
  static let sampleWithEveryField = Procedure(
    id: "full", title: "Full", version: "2.1", summary: "Everything.", source: "the wiki",
    requirements: Requirements(tools: ["kubectl"], accesses: ["the cluster"]),
    parameters: [
      Parameter("ADMIN", "Who.", default: "root", required: true, secret: true, choices: ["root"])
    ],
    admonitions: [.danger("Danger.")], limitations: ["None."],
    phases: [
      Phase(
        id: "main", title: "Main", runsOn: "here", summary: "All of it.",
        preflight: [OutputCheck("ok", command: "true", expect: .nonEmpty, failure: "No.")],
        sections: [
          Section(
            title: "S", explanation: "Why.", admonitions: [.note("Note.")],
            steps: [
              Step(
                id: "all", title: "All", explanation: "How.",
                actions: [
                  .sql(SQLScript(client: "psql", "SELECT 1;")),
                  .writeFile(FileWrite("/tmp/x", language: "yaml", content: "a: 1")),
                  .manual(
                    ManualInstruction(
                      "Look.",
                      verification: OutputCheck(
                        "seen", command: "true", expect: .equals("yes"), failure: "No."))),
                  .choose(Choice("the admin", into: "ADMIN", from: "echo root")),
                  .check(
                    OutputCheck(
                      "who", command: "whoami", expect: .equalsParameter("ADMIN"), failure: "No.")),
                ], destroys: "it", admonitions: [.warning("Warning.")],
                cleanup: Cleanup("true", until: "all"), retry: Retry(attempts: 2, delaySeconds: 1),
                enabledBy: "ADMIN", concurrentGroup: "g")
            ])
        ])
    ],
    corrections: [Correction("C", source: "s", problem: "p", fix: "f", steps: ["all"])],
    stateDirectory: "/tmp/state")
}

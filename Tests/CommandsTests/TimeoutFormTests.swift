import Commands
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// A wait's `timeoutSeconds`: whole seconds are a JSON number, a parameter
/// a string naming it; the first form of format 1, a string of digits,
/// still decodes, with a warning that names the file, the JSON path and the
/// line, and what to write instead.
@Suite struct TimeoutFormTests {
  static func starter(timeout: String) throws -> String {
    let text = GenMigration.run(["init", "demo"]).standardOutput
    let reference = "\"timeoutSeconds\" : \"${WAIT_TIMEOUT}\""
    try #require(text.contains(reference))
    return text.replacingOccurrences(of: reference, with: "\"timeoutSeconds\" : \(timeout)")
  }

  @Test func wholeSecondsAreWrittenAndReadAsANumber() throws {
    let wait = WaitCondition("it", until: "true", timeout: "600")
    let json = String(decoding: try Procedure.canonicalEncoder.encode(wait), as: UTF8.self)
    #expect(json.contains("\"timeoutSeconds\" : 600\n"), "\(json)")
    #expect(try JSONDecoder().decode(WaitCondition.self, from: Data(json.utf8)) == wait)
    let reference = WaitCondition("it", until: "true", timeout: "${WAIT_TIMEOUT}")
    let referenceJSON = try Procedure.canonicalEncoder.encode(reference)
    #expect(String(decoding: referenceJSON, as: UTF8.self).contains("\"${WAIT_TIMEOUT}\""))
    #expect(try JSONDecoder().decode(WaitCondition.self, from: referenceJSON) == reference)
  }

  @Test func theNumberFormLintsCleanAndReachesTheScript() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(try Self.starter(timeout: "600"), to: "p.json")
    let lint = GenMigration.run(["lint", folder.file("p.json")])
    #expect(lint.status == 0, "\(lint.standardOutput)")
    #expect(lint.standardError == "")
    let script = GenMigration.run(["render", folder.file("p.json")]).standardOutput
    #expect(script.contains(" 600 5 "), "the script waits up to 600 seconds, every 5")
  }

  @Test func theOldStringOfDigitsDecodesWithADeprecationWarning() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let old = try Self.starter(timeout: "\"600\"")
    try folder.write(old, to: "old.json")
    try folder.write(try Self.starter(timeout: "600"), to: "new.json")
    let location = try StrictDecodingTests.location(of: "\"600\"", in: old)
    let file = folder.file("old.json")
    for command in [["lint", file], ["generate", file, "--output", folder.file("out")]] {
      let result = GenMigration.run(command)
      #expect(result.status == 0, "\(command[0]): \(result.standardError)")
      #expect(
        result.standardError
          == "gen-migration: warning: \(file): at phases[0].sections[2].steps[0].actions[1].timeoutSeconds: a timeout as a string of digits (\"600\") is deprecated; write the number 600 (\(location))\n",
        "\(command[0])")
    }
    // Read the old way, it is the same procedure as written the new way.
    let rendered = GenMigration.run(["render", file, "--format", "json"]).standardOutput
    #expect(
      rendered
        == GenMigration.run(["render", folder.file("new.json"), "--format", "json"]).standardOutput)
  }

  @Test func aTimeoutOfAnotherTypeSaysWhatItMayBe() throws {
    let problem = try StrictDecodingTests.problem(try Self.starter(timeout: "true"))
    #expect(
      problem.hasPrefix(
        "at phases[0].sections[2].steps[0].actions[1].timeoutSeconds: expected whole seconds (a number such as 600) or a string naming an integer parameter (\"${WAIT_TIMEOUT}\"), found true or false (line "
      ), "\(problem)")
  }

  @Test(arguments: ["6.5", "true", "\"soon\"", "\"${WAIT_TIMEOUT} \""])
  func aTimeoutOfNeitherFormIsRefused(timeout: String) throws {
    let problem = try StrictDecodingTests.problem(try Self.starter(timeout: timeout))
    let lint = try TemporaryFolder()
    defer { lint.remove() }
    try lint.write(try Self.starter(timeout: timeout), to: "p.json")
    let result = GenMigration.run(["lint", lint.file("p.json")])
    #expect(result.status != 0, "\(timeout)")
    let said = problem.isEmpty ? result.standardOutput : problem
    #expect(said.contains("timeout"), "\(timeout): \(said)")
  }
}

import Commands
import Foundation
import Testing

/// JSON that Foundation's decoder accepts silently, or crashes on, is refused
/// with its line and column: duplicate keys, invalid UTF-8, NUL characters,
/// lone surrogates and deep nesting.
@Suite struct UnsafeJSONTests {
  @Test func duplicateKeyNamesPathAndBothLines() throws {
    let text = "{\n  \"id\" : \"a\",\n  \"id\" : \"b\"\n}"
    #expect(
      try StrictDecodingTests.problem(text)
        == "at the top level: field \"id\" appears twice, at line 2, column 3 and line 3, column 3; JSON readers disagree on which one counts, so keep one"
    )
  }

  @Test func duplicateKeyDeepInsideNamesItsPath() throws {
    let text = try StrictDecodingTests.edited(
      replacing: "\"command\" : \"echo dropping\"",
      with: "\"command\" : \"echo dropping\", \"command\" : \"rm -rf /\"")
    #expect(
      try StrictDecodingTests.problem(text).hasPrefix(
        "at phases[0].sections[0].steps[0].actions[0]: field \"command\" appears twice, at line "))
  }

  @Test func duplicateKeySpelledWithAnEscapeIsStillADuplicate() throws {
    #expect(
      try StrictDecodingTests.problem("{\"id\" : \"a\", \"\\u0069d\" : \"b\"}").hasPrefix(
        "at the top level: field \"id\" appears twice, at line 1, column 2 and line 1, column 14;"))
  }

  @Test func invalidUTF8IsRefusedWithItsByteOffset() throws {
    let bytes = Array("{\n  \"id\" : \"a".utf8) + [0xFF] + Array("b\"\n}".utf8)
    #expect(
      try StrictDecodingTests.problem(bytes)
        == "not valid UTF-8 at byte 13 (line 2, column 12); save the file as UTF-8")
    let overlong = Array("{\"id\" : \"".utf8) + [0xC0, 0xAF] + Array("\"}".utf8)
    #expect(try StrictDecodingTests.problem(overlong).hasPrefix("not valid UTF-8 at byte 9 "))
  }

  @Test func aRawNULCharacterIsRefused() throws {
    let inString = Array("{\"id\" : \"a".utf8) + [0] + Array("b\"}".utf8)
    #expect(
      try StrictDecodingTests.problem(inString)
        == "at id: a NUL character (byte 0) is not allowed; bash cannot hold one (line 1, column 11)"
    )
    let outside = Array("{\"id\" : \"a\"".utf8) + [0] + Array("}".utf8)
    #expect(
      try StrictDecodingTests.problem(outside)
        == "at the top level: a NUL character (byte 0) is not allowed; bash cannot hold one (line 1, column 12)"
    )
  }

  @Test func anEscapedNULCharacterIsRefused() throws {
    let text = try StrictDecodingTests.edited(
      replacing: "\"command\" : \"echo dropping\"", with: "\"command\" : \"echo \\u0000dropping\"")
    let problem = try StrictDecodingTests.problem(text)
    #expect(
      problem.hasPrefix(
        "at phases[0].sections[0].steps[0].actions[0].command: the escape \\u0000 (a NUL character) is not allowed; bash cannot hold one (line "
      ), "\(problem)")
  }

  @Test func aLoneSurrogateEscapeIsRefused() throws {
    #expect(
      try StrictDecodingTests.problem("{\"id\" : \"\\uD800x\"}")
        == "at id: the escape \\uD800 is half of a surrogate pair, without its other half (line 1, column 10)"
    )
    #expect(
      try StrictDecodingTests.problem("{\"id\" : \"\\uD83D\\uDE00\"}").contains("missing field"))
  }

  @Test(arguments: ["[", "{\"a\":"])
  func deepNestingIsAMessageNotACrash(opening: String) throws {
    let text = String(repeating: opening, count: 10_000)
    let problem = try StrictDecodingTests.problem(text)
    #expect(
      problem.hasSuffix(
        "nested more than 64 levels deep; a procedure needs far fewer (line 1, column \(64 * opening.count + 1))"
      ), "\(problem)")
  }

  @Test func nestingUpToTheLimitIsOnlyAnOrdinaryError() throws {
    let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    #expect(
      try StrictDecodingTests.problem(text)
        == "at the top level: expected an object, found a list (line 1, column 1)")
  }
}

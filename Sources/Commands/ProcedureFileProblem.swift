/// What is wrong with a procedure file, and where: the JSON path of the value
/// (`phases[0].sections[0].steps[0]`) and its line and column. `description`
/// is the one place these become text, one line each whatever the file
/// holds (names and values from the file are quoted with escapes).
///
/// For example: `at phases[0].sections[0].steps[0]: unknown field "destroy";
/// did you mean "destroys"? (line 31, column 15)`.
public enum ProcedureFileProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// A byte that is not part of valid UTF-8.
  case notUTF8(byte: Int, SourceLocation)
  /// Not JSON at all: a syntax error.
  case notJSON(SourceLocation, reason: String)
  /// Written by a newer gen-migration than this one reads.
  case newerFormat(Int, readable: Int)
  /// A key written twice in one object.
  case duplicateField(String, path: String, SourceLocation, first: SourceLocation)
  /// A NUL character, raw or as the escape `\u0000`.
  case nulCharacter(path: String, SourceLocation, escaped: Bool)
  /// `\uD800` without the low half of its surrogate pair, or the reverse.
  case unpairedSurrogate(String, path: String, SourceLocation)
  /// Objects and lists nested more than `limit` levels deep.
  case tooDeep(path: String, SourceLocation, limit: Int)
  /// A key the type at `path` does not have.
  case unknownField(
    String, path: String, SourceLocation, suggestion: String?, known: [String])
  /// A key the type at `path` needs; `misspelling` is a key present there
  /// that looks like it.
  case missingField(String, path: String, SourceLocation?, misspelling: String?)
  /// A value outside an enumeration, with the values it may take.
  case notOneOf(String, allowed: [String], path: String, SourceLocation)
  /// A fraction, or a number too large, where a whole number is needed.
  case notWholeNumber(String, path: String, SourceLocation)
  /// A value of the wrong type: `expected` and `found` are "a string", "a list", ...
  case wrongType(expected: String, found: String, path: String, SourceLocation?)
  /// A value its type refuses, with the type's reason.
  case invalidValue(String, path: String, SourceLocation?)

  public var description: String {
    switch self {
    case .notUTF8(let byte, let location):
      return "not valid UTF-8 at byte \(byte) (\(location)); save the file as UTF-8"
    case .notJSON(let location, let reason):
      return "not valid JSON at \(location): \(reason)"
    case .newerFormat(let version, let readable):
      return
        "written in procedure format \(version), newer than this gen-migration reads (\(readable)); use a newer gen-migration"
    case .duplicateField(let key, let path, let location, let first):
      return
        "at \(path): field \(JSONPath.quoted(key)) appears twice, at \(first) and \(location); JSON readers disagree on which one counts, so keep one"
    case .nulCharacter(let path, let location, let escaped):
      let what = escaped ? "the escape \\u0000 (a NUL character)" : "a NUL character (byte 0)"
      return located(path, location, "\(what) is not allowed; bash cannot hold one")
    case .unpairedSurrogate(let escape, let path, let location):
      return located(
        path, location, "the escape \(escape) is half of a surrogate pair, without its other half")
    case .tooDeep(let path, let location, let limit):
      return located(
        path, location, "nested more than \(limit) levels deep; a procedure needs far fewer")
    case .unknownField(let key, let path, let location, let suggestion, let known):
      let hint =
        suggestion.map { "did you mean \(JSONPath.quoted($0))?" }
        ?? (known.isEmpty
          ? "this object has no fields" : "the fields here are \(known.joined(separator: ", "))")
      return located(path, location, "unknown field \(JSONPath.quoted(key)); \(hint)")
    case .missingField(let key, let path, let location, let misspelling):
      let hint = misspelling.map {
        "; found unknown field \(JSONPath.quoted($0)), did you mean \(JSONPath.quoted(key))?"
      }
      return located(path, location, "missing field \(JSONPath.quoted(key))\(hint ?? "")")
    case .notOneOf(let value, let allowed, let path, let location):
      return located(
        path, location,
        "\(JSONPath.quoted(value)) is not one of \(allowed.joined(separator: ", "))")
    case .notWholeNumber(let literal, let path, let location):
      return located(path, location, "\(literal) is not a whole number; a whole number is needed")
    case .wrongType(let expected, let found, let path, let location):
      return located(path, location, "expected \(expected), found \(found)")
    case .invalidValue(let reason, let path, let location):
      return located(path, location, reason)
    }
  }

  private func located(_ path: String, _ location: SourceLocation?, _ text: String) -> String {
    "at \(path): \(text)" + (location.map { " (\($0))" } ?? "")
  }
}

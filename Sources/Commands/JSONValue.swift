/// A parsed JSON value and the byte offset where it starts in its file, so a
/// message can say where a problem is. Numbers keep their literal text: a
/// whole number is told from a fraction by what was written, not by a
/// `Double` that has already rounded it.
struct JSONValue {
  enum Kind {
    case object(JSONObject)
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null
  }

  var kind: Kind
  /// Where the value starts: the byte offset of its first character.
  var offset: Int

  var isNull: Bool { if case .null = kind { true } else { false } }

  /// "a string", "a number", ...: what was found, for messages.
  var description: String {
    switch kind {
    case .object: "an object"
    case .array: "a list"
    case .string: "a string"
    case .number: "a number"
    case .bool: "true or false"
    case .null: "null"
    }
  }
}

/// A JSON object's members in the order they were written. The parser
/// refuses a duplicate key, so each key names exactly one member.
struct JSONObject {
  struct Member {
    var key: String
    /// Where the key starts, for messages about the key itself.
    var keyOffset: Int
    var value: JSONValue
  }

  private(set) var members: [Member] = []
  private var index: [String: Int] = [:]

  subscript(key: String) -> Member? { index[key].map { members[$0] } }

  /// Adds a member, or returns the one already there under the same key.
  mutating func add(_ member: Member) -> Member? {
    if let existing = index[member.key] { return members[existing] }
    index[member.key] = members.count
    members.append(member)
    return nil
  }
}

/// Where a byte offset is in a text, as people count: line and column, both
/// from 1, the column in characters (Unicode scalars), not bytes.
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  init(offset: Int, in bytes: [UInt8]) {
    let end = min(max(offset, 0), bytes.count)
    var line = 1
    var lineStart = 0
    for index in 0..<end where bytes[index] == 10 {
      line += 1
      lineStart = index + 1
    }
    self.line = line
    column = bytes[lineStart..<end].filter { $0 & 0xC0 != 0x80 }.count + 1
  }

  public var description: String { "line \(line), column \(column)" }

  /// The offset of the first byte that is not part of valid UTF-8, or nil
  /// when all of `bytes` is valid UTF-8 (overlong forms, surrogates and
  /// values past U+10FFFF are invalid).
  static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .error: return offset
      case .emptyInput: return nil
      }
    }
  }
}

/// Parses a procedure file's JSON into a `JSONValue` tree, refusing what
/// Foundation's decoder would accept silently or crash on: a key written
/// twice in one object (readers disagree on which one counts, so a reviewer
/// could be shown another command than the script runs), a NUL character
/// (bash cannot hold one), a lone surrogate escape, and nesting deeper than
/// `maximumDepth` (which would exhaust the stack). Every problem has the byte
/// line and column it was found at. The text must already be valid UTF-8.
struct JSONSyntax {
  typealias Problem = ProcedureFileProblem

  /// Far deeper than any procedure (about a dozen levels), far shallower
  /// than what would exhaust the stack.
  static let maximumDepth = 64

  let bytes: [UInt8]
  /// The offset of the next byte to read.
  var index = 0
  /// The path of the value being read, for messages.
  var path = JSONPath()

  static func parse(_ bytes: [UInt8]) throws(Problem) -> JSONValue {
    var parser = JSONSyntax(bytes: bytes)
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    if parser.index < bytes.count {
      throw parser.syntax("unexpected text after the end")
    }
    return value
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  func location(_ offset: Int) -> SourceLocation { SourceLocation(offset: offset, in: bytes) }

  /// A syntax error at `offset` (default: here); a NUL character there is
  /// named as such.
  func syntax(_ reason: String, at offset: Int? = nil) -> Problem {
    let at = offset ?? index
    if at < bytes.count, bytes[at] == 0 {
      return .nulCharacter(path: path.description, location(at), escaped: false)
    }
    return .notJSON(location(at), reason: reason)
  }

  private mutating func skipSpace() {
    while let byte = current, byte == 32 || byte == 9 || byte == 10 || byte == 13 { index += 1 }
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws(Problem) {
    guard current == byte else {
      throw syntax(current == nil ? "unexpected end; expected \(what)" : "expected \(what)")
    }
    index += 1
  }

  private mutating func value(depth: Int) throws(Problem) -> JSONValue {
    let start = index
    guard let byte = current else { throw syntax("unexpected end; expected a value") }
    switch byte {
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      guard depth < Self.maximumDepth else {
        throw .tooDeep(path: path.description, location(start), limit: Self.maximumDepth)
      }
      index += 1
      skipSpace()
      let kind =
        byte == UInt8(ascii: "{")
        ? JSONValue.Kind.object(try object(depth: depth + 1))
        : JSONValue.Kind.array(try array(depth: depth + 1))
      return JSONValue(kind: kind, offset: start)
    case UInt8(ascii: "\""):
      return JSONValue(kind: .string(try string()), offset: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONValue(kind: .number(try number()), offset: start)
    default:
      for (word, kind) in [
        ("true", JSONValue.Kind.bool(true)), ("false", .bool(false)), ("null", .null),
      ]
      where bytes[index...].starts(with: word.utf8) {
        index += word.utf8.count
        return JSONValue(kind: kind, offset: start)
      }
      throw syntax("unexpected character; expected a value")
    }
  }

  private mutating func object(depth: Int) throws(Problem) -> JSONObject {
    var object = JSONObject()
    if current == UInt8(ascii: "}") {
      index += 1
      return object
    }
    while true {
      skipSpace()
      guard current == UInt8(ascii: "\"") else { throw syntax("expected a key in double quotes") }
      let keyOffset = index
      let key = try string()
      skipSpace()
      try expect(UInt8(ascii: ":"), "':' after the key")
      skipSpace()
      path.components.append(.key(key))
      let value = try value(depth: depth)
      path.components.removeLast()
      if let first = object.add(JSONObject.Member(key: key, keyOffset: keyOffset, value: value)) {
        throw .duplicateField(
          key, path: path.description, location(keyOffset), first: location(first.keyOffset))
      }
      skipSpace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "}"), "',' or '}'")
      return object
    }
  }

  private mutating func array(depth: Int) throws(Problem) -> [JSONValue] {
    var elements: [JSONValue] = []
    if current == UInt8(ascii: "]") {
      index += 1
      return elements
    }
    while true {
      skipSpace()
      path.components.append(.index(elements.count))
      elements.append(try value(depth: depth))
      path.components.removeLast()
      skipSpace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "]"), "',' or ']'")
      return elements
    }
  }

  /// A number as written, once it is known to follow JSON's grammar:
  /// `-`, digits without a leading zero, an optional fraction and exponent.
  private mutating func number() throws(Problem) -> String {
    let start = index
    func digits(_ index: inout Int) -> Int {
      let first = index
      while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
      return index - first
    }
    var end = index
    if bytes[end] == UInt8(ascii: "-") { end += 1 }
    let integerStart = end
    var valid = digits(&end) > 0 && !(bytes[integerStart] == 48 && end - integerStart > 1)
    if valid, end < bytes.count, bytes[end] == UInt8(ascii: ".") {
      end += 1
      valid = digits(&end) > 0
    }
    if valid, end < bytes.count, bytes[end] | 0x20 == UInt8(ascii: "e") {
      end += 1
      if end < bytes.count, bytes[end] == UInt8(ascii: "+") || bytes[end] == UInt8(ascii: "-") {
        end += 1
      }
      valid = digits(&end) > 0
    }
    while end < bytes.count, "0123456789.eE+-".utf8.contains(bytes[end]) {
      end += 1
      valid = false
    }
    guard valid else { throw syntax("not a number", at: start) }
    index = end
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}

/// Finds where a JSON text stops being valid, as line and column (1-based),
/// for error messages: Foundation's decoder only says that it is invalid.
enum JSONSyntax {
  struct Problem: Error {
    var offset: Int
    var reason: String
  }

  /// nil when the text is valid JSON.
  static func firstProblem(in text: String) -> (line: Int, column: Int, reason: String)? {
    let bytes = Array(text.utf8)
    var index = 0
    do {
      try skipSpace(bytes, &index)
      try value(bytes, &index)
      try skipSpace(bytes, &index)
      if index < bytes.count {
        throw Problem(offset: index, reason: "unexpected text after the end")
      }
      return nil
    } catch let problem as Problem {
      let before = bytes[..<min(problem.offset, bytes.count)]
      let line = before.filter { $0 == 10 }.count + 1
      let column = before.count - (before.lastIndex(of: 10).map { $0 + 1 } ?? 0) + 1
      return (line, column, problem.reason)
    } catch {
      return (1, 1, "\(error)")
    }
  }

  private static func skipSpace(_ b: [UInt8], _ i: inout Int) throws {
    while i < b.count, [32, 9, 10, 13].contains(b[i]) { i += 1 }
  }

  private static func expect(_ b: [UInt8], _ i: inout Int, _ byte: UInt8, _ what: String) throws {
    guard i < b.count, b[i] == byte else {
      throw Problem(
        offset: i, reason: i < b.count ? "expected \(what)" : "unexpected end; expected \(what)")
    }
    i += 1
  }

  private static func value(_ b: [UInt8], _ i: inout Int) throws {
    guard i < b.count else { throw Problem(offset: i, reason: "unexpected end; expected a value") }
    switch b[i] {
    case UInt8(ascii: "{"):
      i += 1
      try skipSpace(b, &i)
      if i < b.count, b[i] == UInt8(ascii: "}") {
        i += 1
        return
      }
      while true {
        try skipSpace(b, &i)
        guard i < b.count, b[i] == UInt8(ascii: "\"") else {
          throw Problem(offset: i, reason: "expected a key in double quotes")
        }
        try string(b, &i)
        try skipSpace(b, &i)
        try expect(b, &i, UInt8(ascii: ":"), "':' after the key")
        try skipSpace(b, &i)
        try value(b, &i)
        try skipSpace(b, &i)
        if i < b.count, b[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        try expect(b, &i, UInt8(ascii: "}"), "',' or '}'")
        return
      }
    case UInt8(ascii: "["):
      i += 1
      try skipSpace(b, &i)
      if i < b.count, b[i] == UInt8(ascii: "]") {
        i += 1
        return
      }
      while true {
        try skipSpace(b, &i)
        try value(b, &i)
        try skipSpace(b, &i)
        if i < b.count, b[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        try expect(b, &i, UInt8(ascii: "]"), "',' or ']'")
        return
      }
    case UInt8(ascii: "\""):
      try string(b, &i)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let start = i
      i += 1
      while i < b.count, "0123456789.eE+-".utf8.contains(b[i]) { i += 1 }
      if Double(String(decoding: b[start..<i], as: UTF8.self)) == nil {
        throw Problem(offset: start, reason: "not a number")
      }
    default:
      for word in ["true", "false", "null"] where b[i...].starts(with: word.utf8) {
        i += word.utf8.count
        return
      }
      throw Problem(offset: i, reason: "unexpected character; expected a value")
    }
  }

  private static func string(_ b: [UInt8], _ i: inout Int) throws {
    let start = i
    i += 1
    while i < b.count {
      switch b[i] {
      case UInt8(ascii: "\""):
        i += 1
        return
      case UInt8(ascii: "\\"): i += 2
      case 0..<32: throw Problem(offset: i, reason: "control character inside a string")
      default: i += 1
      }
    }
    throw Problem(offset: start, reason: "string not closed")
  }
}

/// A JSON value with its object keys in the order given, printed with
/// two-space indentation: the schema's document, so that its text is the
/// same on every machine and reads in the order it was built.
///
/// For example `.object([("type", .string("integer")), ("minimum", .number(1))])`
/// prints as `{\n  "type": "integer",\n  "minimum": 1\n}`.
indirect enum JSONNode: Equatable {
  case object([(String, JSONNode)])
  case array([JSONNode])
  case string(String)
  case number(Int)
  case bool(Bool)

  static func == (lhs: JSONNode, rhs: JSONNode) -> Bool { lhs.text == rhs.text }

  /// The value as JSON text, ending without a newline.
  var text: String {
    var lines = ""
    write(to: &lines, indent: "")
    return lines
  }

  private func write(to text: inout String, indent: String) {
    let inner = indent + "  "
    switch self {
    case .object(let members) where members.isEmpty: text += "{}"
    case .object(let members):
      text += "{\n"
      for (index, (key, value)) in members.enumerated() {
        text += inner + Self.quoted(key) + ": "
        value.write(to: &text, indent: inner)
        text += index == members.count - 1 ? "\n" : ",\n"
      }
      text += indent + "}"
    case .array(let elements) where elements.isEmpty: text += "[]"
    case .array(let elements):
      text += "[\n"
      for (index, element) in elements.enumerated() {
        text += inner
        element.write(to: &text, indent: inner)
        text += index == elements.count - 1 ? "\n" : ",\n"
      }
      text += indent + "]"
    case .string(let string): text += Self.quoted(string)
    case .number(let number): text += String(number)
    case .bool(let flag): text += flag ? "true" : "false"
    }
  }

  /// A JSON string literal: `"`, `\` and control characters escaped.
  static func quoted(_ string: String) -> String {
    var result = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}

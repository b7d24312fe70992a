/// Where a value is inside a JSON document, as messages name it:
/// `phases[1].sections[0].steps[3]`, or "the top level".
struct JSONPath: CustomStringConvertible {
  enum Component {
    case key(String)
    case index(Int)
  }

  var components: [Component] = []

  init(_ components: [Component] = []) { self.components = components }

  /// The path a decoder's coding path names; integer keys are list indices.
  init(_ codingPath: [any CodingKey]) {
    components = codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue)
    }
  }

  func appending(_ component: Component) -> JSONPath { JSONPath(components + [component]) }

  var isTopLevel: Bool { components.isEmpty }

  var description: String {
    // A path through deep nesting keeps its two ends: `[0][0]…[0][0]`.
    if components.count > 16 {
      let last = JSONPath(Array(components.suffix(6))).description
      return JSONPath(Array(components.prefix(6))).description + "…"
        + (last.hasPrefix("[") ? last : "." + last)
    }
    var text = ""
    for component in components {
      switch component {
      case .index(let index): text += "[\(index)]"
      case .key(let key):
        let plain = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
        let name = plain && !key.isEmpty ? key : JSONPath.quoted(key)
        text += text.isEmpty ? name : "." + name
      }
    }
    return text.isEmpty ? "the top level" : text
  }

  /// `text` in double quotes with JSON escapes, so a message stays on one
  /// line whatever the file holds; long text is cut to its first 60
  /// characters and an ellipsis.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars.prefix(60) {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      case _
      where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        || scalar.properties.generalCategory == .lineSeparator
        || scalar.properties.generalCategory == .paragraphSeparator:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + (text.unicodeScalars.count > 60 ? "…\"" : "\"")
  }
}

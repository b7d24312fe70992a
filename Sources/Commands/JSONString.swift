extension JSONSyntax {
  /// A string literal's text, its escapes decoded. A NUL, raw or written
  /// `\u0000`, and a surrogate escape without its pair are refused.
  mutating func string() throws(Problem) -> String {
    let start = index
    index += 1
    var text = ""
    var chunk = index
    while let byte = current {
      switch byte {
      case UInt8(ascii: "\""):
        text += String(decoding: bytes[chunk..<index], as: UTF8.self)
        index += 1
        return text
      case UInt8(ascii: "\\"):
        text += String(decoding: bytes[chunk..<index], as: UTF8.self)
        text.unicodeScalars.append(try escape())
        chunk = index
      case 0:
        throw syntax("a NUL character")
      case 1..<32:
        throw syntax("control character inside a string")
      default:
        index += 1
      }
    }
    throw syntax("string not closed", at: start)
  }

  /// The character an escape such as `\n` or `\u00e9` stands for.
  private mutating func escape() throws(Problem) -> Unicode.Scalar {
    let start = index
    index += 1
    guard let letter = current else { throw syntax("string not closed") }
    index += 1
    switch letter {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let unit = try hexUnit(escapeAt: start)
      if unit == 0 {
        throw .nulCharacter(path: path.description, location(start), escaped: true)
      }
      if (0xDC00...0xDFFF).contains(unit) { throw unpaired(unit, at: start) }
      if (0xD800...0xDBFF).contains(unit) {
        guard bytes[index...].starts(with: "\\u".utf8) else { throw unpaired(unit, at: start) }
        index += 2
        let low = try hexUnit(escapeAt: index - 2)
        guard (0xDC00...0xDFFF).contains(low) else { throw unpaired(unit, at: start) }
        let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
      }
      return Unicode.Scalar(unit) ?? "\u{FFFD}"
    default:
      index = start
      throw syntax("invalid escape; use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
    }
  }

  /// The four hexadecimal digits after `\u`.
  private mutating func hexUnit(escapeAt start: Int) throws(Problem) -> UInt16 {
    guard index + 4 <= bytes.count,
      let unit = UInt16(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
      bytes[index..<index + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
    else {
      throw syntax("\\u needs four hexadecimal digits", at: start)
    }
    index += 4
    return unit
  }

  private func unpaired(_ unit: UInt16, at offset: Int) -> Problem {
    .unpairedSurrogate(
      "\\u\(String(unit, radix: 16, uppercase: true))", path: path.description, location(offset))
  }
}

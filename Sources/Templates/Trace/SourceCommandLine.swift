/// One command line of a source document, as `SourceCommandLines` finds it:
/// the number of its first line (from 1) and its text, with a `$ ` prompt
/// stripped, backslash continuations joined by a space and a here-document's
/// body kept on its following lines. For example the source's
///
/// ```
/// $ pachctl list pipeline --raw \
///   | jq -r '.pipeline.name'
/// ```
///
/// is the one command line `pachctl list pipeline --raw | jq -r '.pipeline.name'`.
public struct SourceCommandLine: Codable, Equatable, Sendable {
  public var line: Int
  public var text: String
  /// Where it was found: a code block's language (`bash`, `sql`, or empty
  /// when the block names none), or `inline` for a code span alone on a line.
  public var origin: String

  public init(line: Int, text: String, origin: String) {
    self.line = line
    self.text = text
    self.origin = origin
  }
}

/// The markup a source document is written in, which decides where its code is.
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
  /// Fenced (```` ``` ````, `~~~`) and indented code blocks, and a code span
  /// alone on a line.
  case markdown
  /// `.. code-block::` (`.. code::`, `.. sourcecode::`) directives, literal
  /// blocks after a paragraph ending in `::`, and ``` ``cmd`` ``` alone on a line.
  case restructuredText

  /// reStructuredText when a line starts a directive (`.. name::`) or a
  /// target (`.. _name:`), markdown otherwise.
  public static func detect(_ text: String) -> SourceFormat {
    for line in text.split(separator: "\n") where line.hasPrefix(".. ") {
      let rest = line.dropFirst(3)
      if rest.hasPrefix("_") && rest.contains(":") { return .restructuredText }
      if let colons = rest.range(of: "::"),
        rest[..<colons.lowerBound].allSatisfy({ $0.isLetter || $0 == "-" })
      {
        return .restructuredText
      }
    }
    return .markdown
  }
}

/// A block of code found in a source document: its language and its lines
/// (numbered from 1) with the block's own indentation removed.
struct SourceCodeBlock: Equatable {
  var language: String
  var lines: [(number: Int, text: String)]

  static func == (a: SourceCodeBlock, b: SourceCodeBlock) -> Bool {
    a.language == b.language && a.lines.map(\.number) == b.lines.map(\.number)
      && a.lines.map(\.text) == b.lines.map(\.text)
  }

  /// The block with the indentation its lines share removed.
  static func dedented(language: String, lines: [(number: Int, text: String)]) -> SourceCodeBlock {
    let indents = lines.filter { !$0.text.allSatisfy(\.isWhitespace) }.map {
      $0.text.prefix(while: { $0 == " " || $0 == "\t" }).count
    }
    let common = indents.min() ?? 0
    return SourceCodeBlock(
      language: language,
      lines: lines.map { ($0.number, String($0.text.dropFirst(min(common, $0.text.count)))) })
  }
}

extension StringProtocol {
  /// The number of leading spaces, a tab counting as four.
  var indentation: Int {
    var count = 0
    for character in self {
      if character == " " {
        count += 1
      } else if character == "\t" {
        count += 4
      } else {
        break
      }
    }
    return count
  }

  var isBlank: Bool { allSatisfy(\.isWhitespace) }

  var trimmed: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}

import Model

/// The words the schema and the format document share for a field.
enum FormatText {
  /// The field's summary, and for an optional one what leaving it out
  /// means: "What the step destroys ... Optional; absent: the step is not
  /// destructive."
  static func description(of field: FormatField) -> String {
    switch field.presence {
    case .required: field.summary
    case .optional(let absent): "\(field.summary) Optional; when absent: \(absent)."
    }
  }

  /// The value's type as the document's table shows it, in markdown:
  /// "list of [Step](#step)", "whole number ≥ 1".
  static func typeName(_ value: FormatValue) -> String {
    switch value {
    case .text: "string"
    case .pattern(let name, _): "string: \(name)"
    case .wholeNumber(let minimum): "whole number" + (minimum.map { " ≥ \($0)" } ?? "")
    case .boolean: "true or false"
    case .constant(let number): "\(number)"
    case .list(.text): "list of strings"
    case .list(let element): "list of \(typeName(element))"
    case .object(let name), .enumeration(let name): "[\(name)](#\(Markdown.anchor(name)))"
    case .either(let choices): choices.map(typeName).joined(separator: ", or ")
    }
  }
}

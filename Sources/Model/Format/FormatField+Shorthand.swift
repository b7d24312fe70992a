extension FormatField {
  /// A key the file must have.
  static func required(_ name: String, _ value: FormatValue, _ summary: String) -> FormatField {
    FormatField(name, value, .required, summary)
  }

  /// A key the file may leave out; `absent` says what that means.
  static func optional(
    _ name: String, _ value: FormatValue, absent: String, _ summary: String
  ) -> FormatField {
    FormatField(name, value, .optional(absent: absent), summary)
  }
}

extension FormatValue {
  /// A procedure version: `1.0`, `2.1.3`.
  static let version = FormatValue.pattern(
    "a version such as `1.0`: numbers separated by dots", "^[0-9]+(\\.[0-9]+)*$")
  /// A list of strings.
  static let texts = FormatValue.list(.text)
  /// A list of objects of the named type.
  static func objects(_ name: String) -> FormatValue { .list(.object(name)) }
}

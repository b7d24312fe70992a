/// A Mermaid flowchart as a value: groups of nodes (a `subgraph` each),
/// edges between nodes or groups, and a style per node. `MarkdownRenderer`
/// writes it; ids keep only `[A-Za-z0-9_]` and every label is escaped there.
///
/// For example a group `p1` "Phase 1: Export" holding `s1` and `s2`, an
/// edge `s1 --> s2` and `s2` destructive renders as:
///
/// ```
/// flowchart TD
///   subgraph p1["Phase 1: Export"]
///     s1["1. Back up"]
///     s2["2. Wipe<br/>DESTRUCTIVE"]:::destructive
///   end
///   s1 --> s2
/// ```
public struct Flowchart: Equatable, Sendable {
  public var groups: [Group]
  public var edges: [Edge]

  public init(groups: [Group], edges: [Edge]) {
    self.groups = groups
    self.edges = edges
  }

  /// A `subgraph`: its id, its title, its nodes in order.
  public struct Group: Equatable, Sendable {
    public var id: String
    public var title: String
    public var nodes: [Node]

    public init(id: String, title: String, nodes: [Node]) {
      self.id = id
      self.title = title
      self.nodes = nodes
    }
  }

  /// A box: its id, its label's lines (joined by `<br/>`) and its style.
  public struct Node: Equatable, Sendable {
    public var id: String
    public var lines: [String]
    public var style: Style

    public init(id: String, lines: [String], style: Style = .plain) {
      self.id = id
      self.lines = lines
      self.style = style
    }
  }

  /// How a box is drawn: a class of the chart (`:::destructive`).
  public enum Style: String, CaseIterable, Equatable, Sendable {
    case plain, optional, destructive, manual

    /// The Mermaid `classDef` of the style; nil for the default box.
    var definition: String? {
      switch self {
      case .plain: nil
      case .optional: "stroke-dasharray:6 4"
      case .destructive: "fill:#fde8e8,stroke:#c62828,stroke-width:3px"
      case .manual: "fill:#fff8e1,stroke:#f9a825"
      }
    }
  }

  /// `from --> to`, between two nodes or two groups.
  public struct Edge: Equatable, Sendable {
    public var from: String
    public var to: String

    public init(_ from: String, _ to: String) {
      self.from = from
      self.to = to
    }
  }
}

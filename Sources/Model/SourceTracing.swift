extension Procedure {
  /// The procedure with its source references filled in from tables kept
  /// beside it (one file per procedure, read against its source document):
  /// each step's `sources` by step id, each correction's `changes` by its
  /// title, and the omissions. A step id or correction title the procedure
  /// does not have stops the program: the tables are written by hand.
  ///
  /// ```swift
  /// Procedure(...).traced(
  ///   steps: ["stop-database": ["kubectl scale statefulset -n ${NAMESPACE} db --replicas=0"]],
  ///   omissions: [Omission("NAMESPACE=mlx", reason: "a parameter of the script")])
  /// ```
  public func traced(
    steps: KeyValuePairs<String, [SourceReference]>,
    corrections: KeyValuePairs<String, [SourceReference]> = [:],
    omissions: [Omission] = []
  ) -> Procedure {
    var procedure = self
    for (id, references) in steps {
      var found = false
      for phase in procedure.phases.indices {
        for section in procedure.phases[phase].sections.indices {
          for step in procedure.phases[phase].sections[section].steps.indices
          where procedure.phases[phase].sections[section].steps[step].id == id {
            procedure.phases[phase].sections[section].steps[step].sources += references
            found = true
          }
        }
      }
      precondition(found, "\(reference) has no step \(id) to carry source lines")
    }
    for (title, references) in corrections {
      guard let index = procedure.corrections.firstIndex(where: { $0.title == title }) else {
        preconditionFailure("\(reference) has no correction titled \(title)")
      }
      procedure.corrections[index].changes += references
    }
    procedure.omissions += omissions
    return procedure
  }
}

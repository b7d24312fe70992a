import Model

/// Where each command line of seed 004 (`shared/seeds/004_06016e4614354de9.txt`)
/// went in `databricks-pipeline` 2.0: `gen-migration trace
/// databricks-pipeline@2.0 SOURCE` lists them. The section "Import using
/// step-by-step tools" is `databricks` 2.0's: each of its lines that a step
/// of that procedure carries is omitted here, save the cut-over commands,
/// which the import step's note names.
extension Databricks {
  static let pipelineSourceLines2: KeyValuePairs<String, [SourceReference]> = [
    "configure-source-profile": ["databricks configure --token --profile oldWS"],
    "export-pipeline": [
      "python3 migration_pipeline.py --profile $SRC_PROFILE --export-pipeline --use-checkpoint [--session $SESSION_ID]"
    ],
    "update-account-id": [
      "python3 export_db.py --profile $SRC_PROFILE --use-checkpoint --old-account-id $OLD_AWS_ACCT_ID --update-account-id $NEW_AWS_ACCT_ID --set-export-dir $EXPORT_DIR/$SESSION_ID"
    ],
    "configure-target-profile": ["databricks configure --token --profile newWS"],
    "import-pipeline": [
      "python3 migration_pipeline.py --profile $DST_PROFILE --import-pipeline --use-checkpoint [--session $SESSION_ID]"
    ],
    "export-target": [
      "python3 migration_pipeline.py --profile $DST_PROFILE --export-pipeline --use-checkpoint --cluster-name"
    ],
    "validate": ["./validate_pipeline.sh $SRC_EXPORT_SESSION_ID $DST_EXPORT_SESSION_ID"],
  ]

  /// The steps that carry the pipeline's own commands (the profile set-up
  /// is `databricks` 2.0's too).
  static let pipelineSteps2 = [
    "export-pipeline", "update-account-id", "import-pipeline", "export-target", "validate",
  ]

  /// The pipeline's three runs: the export, the import and the validation
  /// export.
  static let pipelineRuns: SourceReference = "python3 migration_pipeline.py --profile"

  static let pipelineChangedLines2: KeyValuePairs<String, [SourceReference]> = [
    "The session is named up front": ["[--session $SESSION_ID]", "$EXPORT_DIR/$SESSION_ID"],
    "The recommended parameters are passed": [pipelineRuns],
    "The validation export needs its own session and an optional cluster name": [
      "--export-pipeline --use-checkpoint --cluster-name"
    ],
    "The validation does what validate_pipeline.sh does, on EXPORT_DIR, and needs two sessions": [
      "./validate_pipeline.sh $SRC_EXPORT_SESSION_ID $DST_EXPORT_SESSION_ID"
    ],
    "The cloud's flag is passed to every pipeline and tool command":
      lines(
        of: ["export-pipeline", "update-account-id", "import-pipeline", "export-target"],
        in: pipelineSourceLines2),
    "The import's confirmation is asked by the script, and the pipeline gets --no-prompt": [
      "--profile $DST_PROFILE --import-pipeline"
    ],
    "The tool runs in its checkout, on an absolute export directory":
      lines(of: pipelineSteps2, in: pipelineSourceLines2),
    "The secrets on disk are made private and named": ["--export-pipeline --use-checkpoint"],
    "The account-id update is optional, quoted, and names the session's directory": [
      "--old-account-id $OLD_AWS_ACCT_ID --update-account-id $NEW_AWS_ACCT_ID"
    ],
    "Jobs are unpaused by hand at cut-over":
      lines(
        of: ["pause-source-jobs", "unpause-target-jobs", "restore-pause-status"],
        in: stepwiseSourceLines2),
    "SSL verification is switched off by a parameter": [
      "export REQUESTS_CA_BUNDLE=\"\"", "export CURL_CA_BUNDLE=\"\"",
    ],
  ]

  /// The steps of `databricks` 2.0 whose lines this procedure leaves to it:
  /// all but the profile set-up, which both share, and the cut-over.
  static let stepwiseOnlySteps2 = stepwiseSourceLines2.map(\.key).filter {
    !$0.hasPrefix("configure-")
      && !["pause-source-jobs", "unpause-target-jobs", "restore-pause-status"].contains($0)
  }

  static let pipelineOmissions2 =
    [Omission(pipelineHelp, reason: helpReason)]
    + [
      Omission("python export_db.py --help", reason: helpReason),
      Omission("python import_db.py --help", reason: helpReason),
    ]
    + lines(of: stepwiseOnlySteps2, in: stepwiseSourceLines2).map {
      Omission(
        $0,
        reason:
          "A command of the step-by-step tools, the legacy mode the README does not recommend: carried by databricks 2.0."
      )
    } + [
      Omission(
        "python export_db.py --profile DEMO --export-home example@foobar.com",
        reason:
          "A single user's export or import with the step-by-step tools: an alternative to a workspace migration, which databricks 2.0 leaves out too."
      ),
      Omission(
        "python import_db.py --profile NEW_DEMO --import-home example@foobar.com",
        reason:
          "A single user's export or import with the step-by-step tools: an alternative to a workspace migration, which databricks 2.0 leaves out too."
      ),
      instanceProfileExample,
    ]
}

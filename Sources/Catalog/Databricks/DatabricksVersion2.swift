import Model

/// The checkpointed export, import and validate pipeline that seed 004
/// recommends, `databricks-pipeline` 2.0.
extension Databricks {
  public static let pipeline2 = Procedure(
    id: "databricks-pipeline",
    title: "Databricks workspace migration with the pipeline",
    version: "2.0",
    summary:
      "Moves the resources of one Databricks workspace to another (between cloud providers, regions or accounts) with the migrate tool's checkpointed pipeline (migration_pipeline.py): export the source workspace under a session, optionally update the AWS account id of its instance profiles, import the session into the target workspace, then export the target workspace and compare both exports.",
    source:
      "Databricks Migration Tool README, the recommended pipeline (`shared/seeds/004_06016e4614354de9.txt`)",
    requirements: Requirements(
      accesses: [
        "Linux (or macOS; Windows is not supported, since path resolution differs) with Python 3 (3.7 or above for MLflow objects), pip, git, the Databricks CLI and a checkout of the migrate tool.",
        "Admin access to both workspaces, as a personal access token for each.",
        "The URL of each workspace, and for AWS accounts that differ, both AWS account ids.",
        "DBR 6.x or later in the workspaces.",
      ]),
    admonitions: [
      .note(
        "Recommended starting values are --num-parallel 8, --retry-total 30 and --retry-backoff 1.0. If API limits are hit, raise --retry-backoff, lower --num-parallel, or both."
      )
    ],
    limitations: version2Limitations,
    parameters: {
      toolDir
      sourceProfile
      targetProfile
      Parameter(
        "EXPORT_DIR",
        "Base directory of the pipeline's exports (--set-export-dir); each session gets a folder in it, and the validation reads both sessions there.",
        default: "logs")
      session
      numParallel
      retryTotal
      retryBackoff
      noSSLVerification
      Parameter(
        "UPDATE_ACCOUNT_ID",
        "yes when the source and target workspaces are in different AWS accounts: the exported instance profile ARNs get the new account id.",
        default: "no", kind: .yesNo, phases: ["export"])
      Parameter(
        "OLD_AWS_ACCT_ID", "AWS account id of the source workspace (with --update-account-id yes).",
        default: "", phases: ["export"],
        rules: [.requiredWhen(parameter: "UPDATE_ACCOUNT_ID", value: "yes")])
      Parameter(
        "NEW_AWS_ACCT_ID", "AWS account id of the target workspace (with --update-account-id yes).",
        default: "", phases: ["export"],
        rules: [
          .requiredWhen(parameter: "UPDATE_ACCOUNT_ID", value: "yes"),
          .differsFrom("OLD_AWS_ACCT_ID"),
        ])
      archiveMissing
      Parameter(
        "DST_SESSION",
        "Session id of the validation export of the target workspace (--session).",
        required: true, phases: ["validate"], rules: [.differsFrom("SESSION")])
      Parameter(
        "CLUSTER_NAME",
        "Existing cluster for the validation export's metastore tasks (--cluster-name); empty launches a small default cluster.",
        default: "", phases: ["validate"])
      cloud(
        ["aws", "azure", "gcp"],
        evidence: "databrickslabs/migrate `migration_pipeline.py` @ faed13b lines 29–37")
    },
    phases: {
      export2
      import2
      validate2
    },
    corrections: { version2Corrections }
  ).traced(
    steps: pipelineSourceLines2, corrections: pipelineChangedLines2, omissions: pipelineOmissions2)

  static let version2Limitations = [
    "Libraries and DBFS mounts are exported but cannot be imported. DBFS data is not migrated: contact your Databricks support team.",
    "MLflow is not migrated: migration_pipeline.py has no MLflow task (databrickslabs/migrate `migration_pipeline.py` @ faed13b lines 81–153), and `--skip-tasks`/`--keep-tasks` accept mlflow_experiments and mlflow_runs but they do nothing. The step-by-step tool migrates experiments, their permissions and runs (`databricks@2.0`, --migrate-mlflow yes); Feature Store, the Model Registry and metric history are not migrated at all. See https://github.com/mlflow/mlflow-export-import.",
    "Private repos cannot be imported; add them manually with the original user's credentials.",
    "Table ACLs: user functions are not exported. ACLs that fail to export are logged with `ERROR_!!!` and counted at the end; the export continues.",
    "Secrets whose value is too large fail with an error.",
    "Cluster creator: the admin who migrates the clusters is seen as the creator of every cluster (relevant for billing); the original creator is kept in the custom tag `OriginalCreator`.",
    "Job owner: the admin who migrates the jobs is seen as the owner of every job (relevant for billing). Jobs whose existing cluster no longer exists are reset to the default cluster type; jobs with older legacy instances fail with unsupported DBR or instance types.",
    "Instance profiles (AWS only): group access takes precedence; a user with access both directly and through a group gets only the group's access.",
  ]
}

import Model

/// Where 1.0 departs from the stepwise README's commands.
extension Databricks {
  @CorrectionsBuilder static var version1Corrections: [Correction] {
    Correction(
      "Commands run with python3, from the tool's checkout, on a chosen export directory",
      source: "python export_db.py --profile DEMO --users",
      problem:
        "`python` is Python 2 or missing on many current systems, the commands only work from inside the tool's checkout, and without `--set-export-dir` the artifacts go to `logs/` of whatever directory the command runs in.",
      fix:
        "Every command runs `python3 \"${TOOL_DIR}/export_db.py\"` (or import_db.py) with `--set-export-dir \"${EXPORT_DIR}\"` (default `logs/`); the profiles DEMO and NEW_DEMO are the parameters SRC_PROFILE and DST_PROFILE.",
      steps: toolSteps1)
    Correction(
      "Jobs, workspace ACLs and the metastore are imported too",
      source: "python export_db.py --profile DEMO --jobs",
      problem:
        "The README shows how to export jobs, workspace ACLs and the Hive Metastore but no command that imports them; only its import help text lists `--jobs`, `--workspace-acls` and `--metastore`.",
      fix:
        "The import phase runs `import_db.py --workspace-acls`, `--jobs` and `--metastore` (with --cluster-name when given) after the notebooks.",
      steps: ["import-workspace-acls", "import-jobs", "import-metastore"])
    Correction(
      "A re-run of the jobs import does not create every job again",
      source: "python import_db.py --profile NEW_DEMO --jobs",
      problem:
        "The import calls `/jobs/create` for every line of jobs.log, without looking at the jobs the target already has (databrickslabs/migrate `dbclient/JobsClient.py` @ 1930985 lines 52–86; the workspace allows two jobs of one name), while clusters are skipped by name (`dbclient/ClustersClient.py` 181–189). A try that fails after creating some jobs, or whose success is lost, and is then run again (`--resume`) leaves each of those jobs twice. `JobsClient.delete_all_jobs` exists (115–118), but no import_db.py flag runs it at this commit.",
      fix:
        "Before its first try, import-jobs keeps the target's job ids (`databricks jobs list`); every try first deletes, with `databricks jobs delete`, the target's jobs not in that list, then imports, and removes the list once the import succeeded.",
      steps: ["import-jobs"])
    Correction(
      "The metastore variants are parameters",
      source:
        #"python export_db.py --profile DEMO --metastore --cluster-name "Test" --database "my_db""#,
      problem:
        "The README gives four metastore export commands (default, `--skip-failed`, `--cluster-name \"Test\"`, and `--database \"my_db\"`); running more than one exports the metastore again.",
      fix:
        "One step runs `--metastore` with `--skip-failed` when SKIP_FAILED is yes, `--cluster-name` when CLUSTER_NAME is set and `--database` when DATABASE is set.",
      steps: ["export-metastore", "import-metastore"])
    Correction(
      "The optional archive flag is a parameter",
      source: "python import_db.py --profile NEW_DEMO --workspace [--archive-missing]",
      problem:
        "`[--archive-missing]` is an optional flag written in brackets, which bash would pass literally.",
      fix: "`--archive-missing` is passed when ARCHIVE_MISSING is yes.",
      steps: ["import-notebooks"])
    Correction(
      "SSL verification is switched off by a parameter",
      source: #"export REQUESTS_CA_BUNDLE="" / export CURL_CA_BUNDLE="" / --no-ssl-verification"#,
      problem:
        "The FAQ says to add these to \"your current bash shell\", which would switch verification off for everything else run in it too, whether or not it is needed.",
      fix:
        "With NO_SSL_VERIFICATION yes, each tool command gets `--no-ssl-verification` and exports REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE empty; with NO_SSL_VERIFICATION no (the default), verification stays on.",
      steps: toolSteps1)
    Correction(
      "Single-user export and import are left out",
      source:
        "python export_db.py --profile DEMO --export-home example@foobar.com / python import_db.py --profile NEW_DEMO --import-home example@foobar.com",
      problem:
        "These commands migrate one user's home folder instead of the workspace; they are an alternative to the workspace migration, not a step of it.",
      fix:
        "The procedure migrates the whole workspace (`export-notebook-paths`, `export-notebooks`, `import-notebooks`); run the single-user commands by hand if that is all you need.",
      steps: ["export-notebook-paths", "export-notebooks", "import-notebooks"])
  }

  /// Every 1.0 step that runs export_db.py or import_db.py.
  static let toolSteps1 = [
    "export-users", "export-clusters", "export-notebook-paths", "export-notebooks",
    "export-workspace-acls", "export-jobs", "export-metastore", "import-users",
    "import-clusters", "import-notebooks", "import-workspace-acls", "import-jobs",
    "import-metastore",
  ]
}

import Model

/// 1.0's export phase: `export_db.py` once per component, in the documented
/// order of operations.
extension Databricks {
  static func export(_ arguments: String, after prelude: String = "") -> ShellCommand {
    tool("export_db.py", profile: "SRC_PROFILE", arguments, after: prelude)
  }

  static let export1 = Phase(
    id: "export", title: "Export the source workspace", runsOn: runsOn
  ) {
    Section("Set up") {
      configureSourceProfile
    }
    Section("Export") {
      Step(
        "export-users", "Export users and groups",
        explanation:
          "Uses the SCIM API to export users and groups, and the Instance Profiles API to log the instance profiles tied to user and group entitlements (on AWS, the instance profiles used for IAM access to resources)."
      ) {
        export("--users")
      }
      Step(
        "export-clusters", "Export cluster templates",
        explanation:
          "Uses the Clusters API to export cluster templates with their ACLs, instance pool definitions, and cluster policies with their ACLs."
      ) {
        export("--clusters")
      }
      Step(
        "export-notebook-paths", "Export notebook metadata",
        explanation:
          "Uses the Workspace API to log the location and path of every notebook in the workspace (metadata only)."
      ) {
        export("--workspace")
      }
      Step(
        "export-notebooks", "Export notebook content",
        explanation: "Downloads the contents of every notebook logged by `export-notebook-paths`."
      ) {
        export("--download")
      }
      Step(
        "export-workspace-acls", "Export workspace ACLs",
        explanation: "Exports the permissions of the workspace objects."
      ) {
        export("--workspace-acls")
      }
      Step(
        "export-jobs", "Export job templates",
        explanation: "Uses the Jobs API to export the job configurations with their ACLs.",
        admonitions: [
          .note(
            "If a job's old cluster id can no longer be found, the job template is reset to use a new default cluster."
          )
        ]
      ) {
        export("--jobs")
      }
      Step(
        "export-metastore", "Export the Hive Metastore",
        explanation:
          "Runs Spark commands remotely on a cluster (the Execution Context API) to export the Hive Metastore table definitions. Without --cluster-name it launches a small cluster. Unless --skip-failed is yes, it edits the cluster for every defined IAM role and loops through all failed exports, in case the first attempt lacked IAM permissions.",
        admonitions: [
          .note(
            "To export the metastore with a specific IAM role, give --cluster-name a cluster that has it."
          )
        ]
      ) {
        export(
          #"--metastore "${metastore[@]}""#,
          after: #"""
            metastore=()
            if [[ "${SKIP_FAILED}" == yes ]]; then metastore=("${metastore[@]}" --skip-failed); fi
            if [[ -n "${CLUSTER_NAME}" ]]; then metastore=("${metastore[@]}" --cluster-name "${CLUSTER_NAME}"); fi
            if [[ -n "${DATABASE}" ]]; then metastore=("${metastore[@]}" --database "${DATABASE}"); fi
            """#)
      }
    }
  }
}

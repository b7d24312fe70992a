import Model

extension Pachyderm {
  static let newCluster = Phase(
    id: "new-cluster", title: "Build the new cluster",
    runsOn: "a workstation whose kubectl and pachctl talk to the new cluster",
    summary:
      "Deploys the new Pachyderm on the cloned bucket, restores the backup into it and plays back the data loaded since the checkpoint.",
    preflight: [
      kubeContext("NEW_KUBE_CONTEXT", "new"), pachctlVersion,
      pachContext("NEW_PACH_CONTEXT", "new"),
    ],
    pins: pins(kube: "NEW_KUBE_CONTEXT", pach: "NEW_PACH_CONTEXT")
  ) {
    Section("Deploy a 1.X Pachyderm cluster with the cloned bucket (source step 5)") {
      Step(
        "deploy-new-cluster", "Deploy the new Pachyderm cluster",
        explanation:
          "Bring the new cluster up in a different namespace from the old one. If the restore below shows a problem with the extracted data, the backup and the clone need to be made again: run the old-cluster phase again with --restart.",
        admonitions: [
          .note(
            "The Kubernetes ingress of the new namespace may need changes to avoid port conflicts with the old cluster in the same Kubernetes cluster: consult your Kubernetes administrator, or your Pachyderm support channel."
          )
        ]
      ) {
        ManualInstruction(
          "Deploy the new Pachyderm version (--pach-version) in a new namespace, on the bucket cloned by `clone-bucket` (--clone-bucket), and point the pachctl context named by --new-pach-context at it."
        )
        WaitCondition(
          "the new pachd to answer", until: "\(pachctl("NEW_PACH_CONTEXT")) version >/dev/null",
          timeout: "${WAIT_TIMEOUT}")
        OutputCheck(
          "the new pachd runs the new version",
          command: pachctl("NEW_PACH_CONTEXT") + #" version | awk '$1 == "pachd" { print $2 }'"#,
          expect: .equalsParameter("PACH_VERSION"),
          failure:
            "The new pachd does not report the version given with --pach-version: check the deployment and the pachctl context."
        )
      }
    }
    Section("Restore the new cluster from the backup (source step 6)") {
      Step(
        "restore-backup", "Restore the backup",
        explanation:
          "`pachctl restore` loads the backup made by `extract-backup` into the new cluster (first copied from --backup-url with `aws s3 cp` when it was given). The first try checks that the new cluster holds no repo yet and leaves WORK_DIR/restore-started: a resumed restore then runs again into its own partial restore, whose operations Pachyderm skips where they already exist."
      ) {
        ShellCommand(
          #"""
          mkdir -p "${WORK_DIR}"
          backup="${WORK_DIR}/pachyderm-backup"
          if [[ -n "${BACKUP_URL}" ]]; then
            aws s3 cp "${BACKUP_URL}" "${WORK_DIR}/pachyderm-backup.downloaded"
            backup="${WORK_DIR}/pachyderm-backup.downloaded"
          fi
          if [[ ! -e "${WORK_DIR}/restore-started" ]]; then
            repos=$(\#(pachctl("NEW_PACH_CONTEXT")) list repo --raw)
            if [[ -n ${repos} ]]; then
              printf '%s\n' "The new cluster already holds repos, before any restore by this script: restore only into a new, empty cluster." >&2
              false
            fi
            : >"${WORK_DIR}/restore-started"
          fi
          \#(pachctl("NEW_PACH_CONTEXT")) restore <"${backup}"
          """#)
      }
    }
    Section("Load transactional data from the checkpoint into the new cluster (source step 7)") {
      Step("load-from-checkpoint", "Play back the data loaded since the checkpoint") {
        ManualInstruction(
          "Point an instance of your data loading systems at the new cluster and play back the transactions from the checkpoint recorded at `resume-data-loaders`. Make any other change the data loading or unloading operations need. Then confirm that the data output is as expected and that the new cluster operates as expected."
        )
      }
    }
  }
}

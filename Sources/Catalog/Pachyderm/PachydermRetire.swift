import Model

extension Pachyderm {
  static let retire = Phase(
    id: "retire", title: "Retire the old cluster",
    runsOn: "a workstation whose kubectl talks to the old cluster",
    summary:
      "Once the new cluster is confirmed to operate, disables the old one and finishes the reconfiguration.",
    preflight: [
      kubeContext("KUBE_CONTEXT", "old"),
      OutputCheck(
        "the new-cluster phase completed",
        command: #"[[ -e "\#(newClusterBuilt)" ]] && printf 'built\n'"#,
        expect: .equals("built"),
        failure:
          "WORK_DIR/new-cluster-built is missing: the new-cluster phase has not completed (from this WORK_DIR). Build and check the new cluster first; if it was built from another workstation, copy that file here."
      ),
    ]
  ) {
    Section("8. Disable the old cluster") {
      Step(
        "disable-old-cluster", "Scale the old pachd to zero",
        explanation:
          "Scales the old cluster's pachd deployment to zero replicas: the old cluster stops serving, while its etcd volumes and bucket are kept, so it can be reactivated (`kubectl scale deployment/pachd --replicas=1` with its context and namespace) if you need its data.",
        destroys:
          "the old Pachyderm cluster's service (pachd in namespace ${NAMESPACE} of kube context ${KUBE_CONTEXT} is scaled to zero replicas)"
      ) {
        ShellCommand(
          kubectl("KUBE_CONTEXT")
            + #" scale deployment/pachd --namespace "${NAMESPACE}" --replicas=0"#)
      }
    }
    Section("9. Reconfigure the new cluster as necessary") {
      Step("reconfigure-new-cluster", "Reconfigure the new cluster") {
        ManualInstruction(
          "Reconfigure, as necessary, the data loading operations from Pachyderm to processes outside it so that they work as expected, and the Kubernetes ingress and port changes taken to avoid conflicts with the old cluster."
        )
      }
    }
  }
}

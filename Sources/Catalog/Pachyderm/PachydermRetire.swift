import Model

extension Pachyderm {
  static let retire = Phase(
    id: "retire", title: "Retire the old cluster",
    runsOn: "a workstation whose kubectl talks to the old cluster",
    summary:
      "Once the new cluster is confirmed to operate, disables the old one and finishes the reconfiguration.",
    preflight: [kubeContext("KUBE_CONTEXT", "old")],
    requires: [PhasePrerequisite("new-cluster")],
    pins: [ContextPin("kubectl", option: "--context", parameter: "KUBE_CONTEXT")]
  ) {
    Section("Disable the old cluster (source step 8)") {
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
    Section("Reconfigure the new cluster as necessary (source step 9)") {
      Step("reconfigure-new-cluster", "Reconfigure the new cluster") {
        ManualInstruction(
          "Reconfigure, as necessary, the data loading operations from Pachyderm to processes outside it so that they work as expected, and the Kubernetes ingress and port changes taken to avoid conflicts with the old cluster."
        )
      }
    }
  }
}

import Store

extension SandboxStats {
    /// `{"list_requests":{"contacts":N,…},"get_requests":{…},"faults_served":N,"records":{…},"pending_late_writes":N,
    /// "peak_concurrent_list_requests":N}`.
    var json: JSONValue {
        func perObject(_ counts: [SandboxObject: Int]) -> JSONValue {
            .object(SandboxObject.allCases.map { ($0.rawValue, .number(Double(counts[$0, default: 0]))) })
        }
        return .object([
            ("list_requests", perObject(listRequests)),
            ("get_requests", perObject(getRequests)),
            ("faults_served", .number(Double(faultsServed))),
            ("records", perObject(records)),
            ("pending_late_writes", .number(Double(pendingLateWrites))),
            ("peak_concurrent_list_requests", .number(Double(peakConcurrentListRequests))),
        ])
    }
}

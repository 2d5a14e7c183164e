/// Workload inputs an offering has no use for. A flag is never silently ignored: each one the
/// offering cannot bill becomes a note on the estimate (issue 8, item 7).
enum UnusedInputs {
    static func notes(_ o: Offering, _ w: Workload) -> [String] {
        var notes: [String] = []
        var rules: ProvisionedRules?
        var perRequestStorage = false
        switch o.billing {
        case .provisioned(let p): rules = p.rules
        case .perRequest(let p): perRequestStorage = p.ephemeralStorage != nil
        case .sharedInstance, .cpuTime: break
        }
        if let disk = w.diskMiB, rules?.bootDisk == nil {
            notes.append("disk \(Format.memory(disk)) not used: this offering bills no separate boot volume")
        }
        if !w.publicIP, (rules?.publicIPv4Hour ?? 0) == 0 {
            notes.append("no public IP not used: this offering charges nothing for a public IPv4 address")
        }
        if let storage = w.ephemeralStorageMiB, rules?.ephemeralStorage == nil, !perRequestStorage {
            notes.append("ephemeral storage \(Format.memory(storage)) not used: this offering bills no separate ephemeral storage")
        }
        if w.run == .job {
            switch o.billing {
            case .sharedInstance, .cpuTime:
                notes.append("run: job is priced as requests to a service here (no job product is modelled for this offering)")
            case .perRequest, .provisioned: break
            }
        }
        return notes
    }
}

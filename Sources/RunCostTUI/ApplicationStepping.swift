import RunCostCore
import RunCostFiles

/// The application pane's inputs (issue #9): the scope the totals cover and the application's
/// volumes, stepped along round numbers and typed like the same workload fields. The services
/// themselves were resolved when the screen started (`runcost tui --front-door/--data-service …`).
enum ApplicationStepping {
    static let scopes: [CostScope] = [.application, .compute, .data]

    static func step(_ field: InputField, _ w: inout Workload, up: Bool) throws(StepError) {
        guard var app = w.application else { throw StepError("the workload has no application section") }
        /// The next round number; stepping down from the smallest reaches 0 (none).
        func next(_ v: Double, smallest: Double, _ range: ClosedRange<Double>, _ what: String) throws(StepError) -> Double {
            if !up && v <= smallest * (1 + 1e-9) {
                guard v > 0 else { throw StepError("\(what) is at its minimum") }
                return 0
            }
            let n = v <= 0 ? smallest : Stepping.nice(v, up: up)
            guard n <= range.upperBound else { throw StepError("\(what) is at its maximum") }
            return n
        }
        switch field {
        case .scope:
            let scopes = app.data == nil ? [CostScope.application, .compute] : scopes
            let index = scopes.firstIndex(of: w.scope) ?? 0
            w.scope = scopes[(index + (up ? 1 : scopes.count - 1)) % scopes.count]
        case .responseSize:
            app.responseSizeGB = try next(app.responseSizeGB * 1_048_576, smallest: 1, 0...1e9, "response size") / 1_048_576
        case .readsPerRequest:
            let v = try next(app.data?.readsPerRequest ?? 0, smallest: 0.1, 0...1e6, "reads per request")
            app.data?.readsPerRequest = v
        case .writesPerRequest:
            let v = try next(app.data?.writesPerRequest ?? 0, smallest: 0.1, 0...1e6, "writes per request")
            app.data?.writesPerRequest = v
        case .storage:
            let v = try next(app.data?.storageGB ?? 0, smallest: 1, 0...1e9, "data stored")
            app.data?.storageGB = v
        case .eventsPerRequest:
            let v = try next(app.events?.perRequest ?? 0, smallest: 0.1, 0...1e6, "events per request")
            app.events?.perRequest = v
        case .monthlyActiveUsers:
            let v = try next(app.users?.monthlyActive ?? 0, smallest: 100, Ranges.count, "monthly active users")
            app.users?.monthlyActive = v
        default: return
        }
        w.application = app
    }

    static func parse(_ field: InputField, _ text: String, _ w: inout Workload, origin: Origin) throws {
        guard w.application != nil else { throw StepError("the workload has no application section") }
        switch field {
        case .scope: w.scope = try Fields.choice(text.lowercased(), "scope", CostScope.self, origin)
        case .responseSize: w.application?.responseSizeGB = try SweepParameter.responseSize.parse(text, origin: origin) / 1024
        case .readsPerRequest: w.application?.data?.readsPerRequest = try SweepParameter.readsPerRequest.parse(text, origin: origin)
        case .writesPerRequest: w.application?.data?.writesPerRequest = try Fields.check(text, "writes per request", .number, 0...1e6, origin)
        case .storage: w.application?.data?.storageGB = try SweepParameter.storage.parse(text, origin: origin) / 1024
        case .eventsPerRequest: w.application?.events?.perRequest = try Fields.check(text, "events per request", .number, 0...1e6, origin)
        case .monthlyActiveUsers: w.application?.users?.monthlyActive = try SweepParameter.monthlyActiveUsers.parse(text, origin: origin)
        default: return
        }
    }
}

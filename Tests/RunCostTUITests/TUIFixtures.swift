import Foundation
import RunCostCore
import RunCostFiles
@testable import RunCostTUI

/// The bundled tables and the example API workload, as the TUI sees them.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let pricing = root.appendingPathComponent("pricing").path
    /// The date the screen believes is today: saved what-if tables carry it.
    static let today = CalendarDate(year: 2026, month: 11, day: 30)!
    static let catalog = try! Catalog.load([pricing])

    static func model(_ example: String = "api.yaml", unicode: Bool = true, color: Bool = true, filters: Filters = Filters()) throws -> Model {
        let path = root.appendingPathComponent("examples/\(example)").path
        let spec = try WorkloadSpec(file: path)
        let session = Session(offerings: catalog.offerings.filter { $0.currency == "USD" }, layers: catalog.layers,
                              workloadPath: "examples/\(example)", unicode: unicode, color: color, today: today)
        return Model(session: session, workload: try spec.build(), name: spec.name,
                     description: spec.value(.description)?.text, filters: filters)
    }

    /// Applies keys in order; nil if one of them quits.
    static func press(_ model: Model, _ keys: [Key]) -> Model? {
        var m = model
        for key in keys {
            guard let next = update(m, key) else { return nil }
            m = next
        }
        return m
    }

    static func type(_ text: String) -> [Key] { text.map { .character($0) } }

    static func text(_ m: Model, _ width: Int = 100, _ height: Int = 30) -> String {
        view(m, width: width, height: height).text()
    }
}

extension Model {
    func cost(_ id: String) -> Double? {
        analysis.estimates.first { $0.offering.id == id && $0.feasible }?.monthlyCost
    }
}

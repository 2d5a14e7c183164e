import Foundation
import RunCostCore
import RunCostFiles
import RunCostReports

/// The files an effect writes: built purely from the model, so tests check the text without I/O.
extension Model {
    struct OutputFile: Equatable {
        var path: String
        var text: String
    }

    func files(for effect: Effect) throws -> [OutputFile] {
        switch effect {
        case .exportCSV(let path, _):
            let report = CompareReport(workload: workload, workloadName: workloadName, estimates: Estimator.compare(analysis.offerings, workload), currency: session.currency)
            return [OutputFile(path: path, text: report.csv())]
        case .saveWorkload(let path, _):
            let prices = priceFiles(beside: path)
            var comment = "Saved by runcost tui" + (session.workloadPath.map { " from \($0)" } ?? "") + "."
            if !prices.isEmpty {
                comment += "\nWhat-if prices: --pricing " + prices.map(\.path).joined(separator: " --pricing ")
            }
            let yaml = try WorkloadWriter.yaml(workload, name: workloadName, description: workloadDescription,
                                               tracePath: session.tracePath, comment: comment)
            return [OutputFile(path: path, text: yaml)] + prices
        }
    }

    /// Edited offerings as override tables: `NAME-prices.yaml`, or one file per provider.
    func priceFiles(beside path: String) -> [OutputFile] {
        let edited = session.offerings.compactMap { o -> Offering? in
            guard let factor = priceFactors[o.id] else { return nil }
            // Saved as what they are: unverified, dated today, the source naming the what-if.
            var scaled = o.whatIf(pricesScaledBy: factor, on: session.today)
            let note = "What-if: prices \(Self.percentText(factor)) of the \(o.asOf) table."
            scaled.notes = scaled.notes.isEmpty ? note : scaled.notes + " " + note
            return scaled
        }
        guard !edited.isEmpty else { return [] }
        var stem = path
        for ext in [".yaml", ".yml"] where stem.hasSuffix(ext) { stem.removeLast(ext.count) }
        let tables = PricingWriter.tables(edited, comment: "What-if prices saved by runcost tui; use with --pricing FILE (later layers win by id).")
        return tables.map { t in
            OutputFile(path: tables.count == 1 ? stem + "-prices.yaml" : stem + "-prices-\(t.provider).yaml", text: t.text)
        }
    }

    /// Feeds an effect's outcome back: a message, or a question before overwriting.
    public func completing(_ effect: Effect, with result: EffectResult) -> Model {
        var m = self
        m.pendingEffect = nil
        switch result {
        case .written(let paths):
            switch effect {
            case .exportCSV:
                m.message = Message(text: "Exported \(analysis.estimates.count) offerings to \(paths.first ?? "")", isError: false)
            case .saveWorkload:
                var text = "Saved \(paths.first ?? "")"
                if paths.count > 1 {
                    text += "; prices in " + paths.dropFirst().joined(separator: ", ") + " (load with --pricing)"
                }
                m.message = Message(text: text, isError: false)
            }
        case .exists(let paths):
            let overwrite: Effect = switch effect {
            case .exportCSV(let path, _): .exportCSV(path: path, overwrite: true)
            case .saveWorkload(let path, _): .saveWorkload(path: path, overwrite: true)
            }
            m.mode = .confirmOverwrite(overwrite, paths: paths)
        case .failed(let text):
            m.message = Message(text: text, isError: true)
        }
        return m
    }
}

/// Performs an effect: the only file I/O of the screen. Never overwrites without `overwrite`, never
/// writes over a pricing layer; each file goes to a temporary name first and is renamed into place.
public func perform(_ effect: Effect, _ model: Model) -> EffectResult {
    do {
        let files = try model.files(for: effect)
        let overwrite: Bool
        switch effect {
        case .exportCSV(_, let o), .saveWorkload(_, let o): overwrite = o
        }
        // Checked before asking to overwrite, and again after `y`: an input is never a target.
        let inputs = model.session.inputFiles
        if let refusal = files.lazy.compactMap({ OutputPath.refusal($0.path, inputs: inputs) }).first {
            return .failed(refusal)
        }
        if !overwrite {
            let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
            if !existing.isEmpty { return .exists(existing) }
        }
        for file in files {
            try AtomicWriter.write(file.text, to: file.path, inputs: inputs.map(\.path), overwrite: true)
        }
        return .written(files.map(\.path))
    } catch let error as InputError {
        return .failed(error.description)
    } catch {
        return .failed("\(error)")
    }
}

extension Session {
    /// Every file the screen was started with, named by role: never a target for a save.
    var inputFiles: [(path: String, role: String)] {
        [workloadPath.map { ($0, "workload file") }, tracePath.map { ($0, "trace file") }].compactMap { $0 }
            + pricingFiles(layers.map(\.path)).map { ($0, "pricing table") }
    }
}

/// Pricing layers and the tables inside layer folders: never targets for a save.
func pricingFiles(_ layers: [String]) -> [String] {
    layers.flatMap { path -> [String] in
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return [path] + names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { (path as NSString).appendingPathComponent($0) }
    }
}

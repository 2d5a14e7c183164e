import Foundation
import RunCostCore

/// Applies one key to the model: pure, so tests drive it with key sequences. Returns nil to quit.
/// File writes are requested through `pendingEffect`, never done here.
public func update(_ model: Model, _ key: Key) -> Model? {
    if key == .ctrl("c") { return nil }
    var m = model
    m.pendingEffect = nil
    switch model.mode {
    case .normal: return m.normalKey(key)
    case .help:
        if key == .character("q") { return nil }
        m.mode = .normal
    case .explain(let scroll):
        switch key {
        case .character("q"): return nil
        case .up, .character("k"): m.mode = .explain(scroll: max(0, scroll - 1))
        case .down, .character("j"): m.mode = .explain(scroll: scroll + 1)
        case .pageUp: m.mode = .explain(scroll: max(0, scroll - 10))
        case .pageDown, .character(" "): m.mode = .explain(scroll: scroll + 10)
        case .home: m.mode = .explain(scroll: 0)
        case .escape, .enter, .character("e"), .backspace: m.mode = .normal
        default: break
        }
    case let .editing(field, text, _):
        switch key {
        case .escape: m.mode = .normal; m.message = nil
        case .enter: m.commitEdit(field, text)
        default:
            if let edited = edit(text, key) { m.mode = .editing(field, text: edited, error: nil) }
        }
    case .search(let previous):
        switch key {
        case .escape:
            m.setFilters { $0.search = previous }
            m.mode = .normal
        case .enter, .down, .tab:
            m.mode = .normal
            m.focus = .table
        default:
            if let edited = edit(m.filters.search, key) { m.setFilters { $0.search = edited } }
        }
    case let .picker(kind, cursor):
        m.pickerKey(kind, cursor, key)
    case let .prompt(prompt, text, _):
        switch key {
        case .escape: m.mode = .normal; m.message = Message(text: "Cancelled.", isError: false)
        case .enter: m.submit(prompt, text)
        default:
            if let edited = edit(text, key) { m.mode = .prompt(prompt, text: edited, error: nil) }
        }
    case let .confirmOverwrite(effect, _):
        m.mode = .normal
        if key == .character("y") || key == .character("Y") {
            m.pendingEffect = effect
        } else {
            m.message = Message(text: "Not written; nothing was overwritten.", isError: false)
        }
    }
    return m
}

/// `update` for a screen `width`×`height`: while it is too small to draw (it says so), keys are
/// ignored except the ways out, q and Ctrl-C, so nothing changes unseen.
public func update(_ model: Model, _ key: Key, width: Int, height: Int) -> Model? {
    guard width < minimumSize.width || height < minimumSize.height else {
        // The chart draws the rows in view: when the screen's size changes how many, follow it.
        let rows = tableRowsShown(model, height: height)
        guard rows != model.tableRows else { return update(model, key) }
        var sized = model
        sized.tableRows = rows
        sized.recompute(full: false)
        return update(sized, key)
    }
    switch key {
    case .character("q"), .ctrl("c"): return nil
    default: return model
    }
}

/// Line editing for text fields: printable characters append, Backspace deletes, Ctrl-U clears.
/// Nil for keys that do not edit.
func edit(_ text: String, _ key: Key) -> String? {
    switch key {
    case .character(let c) where !c.isNewline: return text + String(c)
    case .backspace, .delete: return String(text.dropLast())
    case .ctrl("u"): return ""
    case .ctrl("w"):
        var t = text
        while t.last == " " { t.removeLast() }
        while let last = t.last, last != " ", last != "/" { t.removeLast() }
        return t
    default: return nil
    }
}

extension Model {
    mutating func normalKey(_ key: Key) -> Model? {
        message = nil
        switch key {
        case .character("q"): return nil
        case .character("?"): mode = .help
        case .tab, .backTab: focus = focus == .workload ? .table : .workload
        case .up, .character("k"): move(by: -1)
        case .down, .character("j"): move(by: 1)
        case .pageUp: move(by: -10)
        case .pageDown: move(by: 10)
        case .home: move(by: -10_000)
        case .end: move(by: 10_000)
        case .left, .character("h"): step(up: false)
        case .right, .character("l"): step(up: true)
        case .enter:
            if focus == .workload { mode = .editing(field, text: "", error: nil) } else { explain() }
        case .character("e"): explain()
        case .character(let c) where ("1"..."4").contains(c):
            let kind = OfferingKind.allCases[Int(String(c))! - 1]
            setFilters { f in
                if f.hiddenKinds.contains(kind) { f.hiddenKinds.remove(kind) } else { f.hiddenKinds.insert(kind) }
            }
            message = Message(text: "\(kind.rawValue) \(filters.hiddenKinds.contains(kind) ? "hidden" : "shown")", isError: false)
        case .character("p"): mode = .picker(.providers, cursor: 0)
        case .character("o"): mode = .picker(.offerings, cursor: session.offerings.firstIndex { $0.id == selectedID } ?? 0)
        case .character(" "):
            guard focus == .table, let id = selectedID else { break }
            setFilters { $0.hiddenOfferings.insert(id) }
            message = Message(text: "\(id) hidden (o lists offerings, a shows all)", isError: false)
        case .character("a"):
            setFilters { $0 = Filters() }
            message = Message(text: "All offerings shown.", isError: false)
        case .character("/"):
            mode = .search(previous: filters.search)
        case .character("f"):
            edit { $0.workload.freeTier.toggle() }
            message = Message(text: "Free tier \(workload.freeTier ? "on" : "off").", isError: false)
        case .character("-"), .character("_"): stepPrice(by: -5)
        case .character("+"), .character("="): stepPrice(by: 5)
        case .character("%"):
            guard let id = selectedID else { break }
            mode = .prompt(.priceOffering(id), text: "", error: nil)
        case .character("$"):
            guard let provider = selectedEstimate?.offering.provider else { break }
            mode = .prompt(.priceProvider(provider), text: "", error: nil)
        case .character("R"):
            guard pricesEdited else { message = Message(text: "Prices are the tables' own.", isError: false); break }
            edit { $0.priceFactors = [:] }
            message = Message(text: "What-if prices reset to the tables.", isError: false)
        case .character("g"):
            guard session.unicode else { message = Message(text: "Braille needs a UTF-8 locale; the chart stays ASCII.", isError: false); break }
            chartStyle = chartStyle == .braille ? .ascii : .braille
        case .character("c"):
            chartCollapsed.toggle()
            message = Message(text: chartCollapsed ? "Chart folded: the table has the room (c unfolds)." : "Chart shown.", isError: false)
        case .character("s"): mode = .prompt(.saveWorkload, text: defaultFileName(suffix: "-whatif.yaml"), error: nil)
        case .character("x"): mode = .prompt(.exportCSV, text: defaultFileName(suffix: "-compare.csv"), error: nil)
        case .escape, .resize, .ctrl("l"): break
        default:
            message = Message(text: "Unknown key; ? lists the keys.", isError: false)
        }
        return self
    }

    mutating func move(by delta: Int) {
        switch focus {
        case .workload:
            let fields = InputField.visible(for: workload)
            let index = min(fields.count - 1, max(0, (fields.firstIndex(of: field) ?? 0) + delta))
            field = fields[index]
            if let p = field.sweepParameter, p != chartParameter {
                chartParameter = p
                recompute(full: false)
            }
        case .table:
            guard !analysis.estimates.isEmpty else { return }
            let index = min(analysis.estimates.count - 1, max(0, (selectedIndex ?? 0) + delta))
            let id = analysis.estimates[index].offering.id
            if id != selectedID {
                selectedID = id
                recompute(full: false)
            }
        }
    }

    mutating func step(up: Bool) {
        switch Stepping.step(field, workload, up: up, traceCounts: traceCounts) {
        case .success(let w):
            edit { $0.workload = w }
            if field == .commitment { message = Message(text: CommitmentStepping.notice(w), isError: false) }
        case .failure(let e): message = Message(text: e.message, isError: true)
        }
    }

    mutating func commitEdit(_ field: InputField, _ text: String) {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { mode = .normal; return }
        switch Stepping.parse(field, text, workload, traceCounts: traceCounts) {
        case .success(let w):
            mode = .normal
            edit { $0.workload = w }
            message = Message(text: "\(field.label) set to \(field.display(workload, glyphs: glyphs)).", isError: false)
        case .failure(let e):
            // The previous value stays; the typed text stays too, so it can be corrected.
            mode = .editing(field, text: text, error: e.message)
        }
    }

    mutating func explain() {
        guard selectedID != nil else { message = Message(text: "No offering selected.", isError: true); return }
        mode = .explain(scroll: 0)
    }

    /// Changes which offerings are shown. Not an edit: costs stay comparable with the last edit.
    mutating func setFilters(_ change: (inout Filters) -> Void) {
        change(&filters)
        recompute(full: true)
    }

    mutating func pickerKey(_ kind: PickerKind, _ cursor: Int, _ key: Key) {
        let count = kind == .providers ? providers.count : session.offerings.count
        func moved(_ delta: Int) -> Int { min(max(0, count - 1), max(0, cursor + delta)) }
        switch key {
        case .character("q"), .escape: mode = .normal
        case .character("p") where kind == .providers: mode = .normal
        case .character("o") where kind == .offerings: mode = .normal
        case .up, .character("k"): mode = .picker(kind, cursor: moved(-1))
        case .down, .character("j"): mode = .picker(kind, cursor: moved(1))
        case .pageUp: mode = .picker(kind, cursor: moved(-10))
        case .pageDown: mode = .picker(kind, cursor: moved(10))
        case .home: mode = .picker(kind, cursor: 0)
        case .end: mode = .picker(kind, cursor: moved(count))
        case .character(" "), .enter:
            guard count > 0 else { break }
            switch kind {
            case .providers:
                let p = providers[cursor]
                setFilters { f in if f.hiddenProviders.contains(p) { f.hiddenProviders.remove(p) } else { f.hiddenProviders.insert(p) } }
            case .offerings:
                let id = session.offerings[cursor].id
                setFilters { f in if f.hiddenOfferings.contains(id) { f.hiddenOfferings.remove(id) } else { f.hiddenOfferings.insert(id) } }
            }
            mode = .picker(kind, cursor: cursor)
        case .character("a"):
            setFilters { f in if kind == .providers { f.hiddenProviders = [] } else { f.hiddenOfferings = [] } }
        default: break
        }
    }

    mutating func stepPrice(by points: Double) {
        guard let id = selectedID else { return }
        let percent = ((priceFactors[id] ?? 1) - 1) * 100
        let next = max(-100, (percent / 5).rounded() * 5 + points)
        setPriceFactor(1 + next / 100, for: [id])
        message = Message(text: "\(id): prices \(Self.percentText(1 + next / 100)) (what-if).", isError: false)
    }

    mutating func setPriceFactor(_ factor: Double, for ids: [String]) {
        edit { m in
            for id in ids {
                if abs(factor - 1) < 1e-12 { m.priceFactors[id] = nil } else { m.priceFactors[id] = factor }
            }
        }
    }

    static func percentText(_ factor: Double) -> String {
        let percent = (factor - 1) * 100
        if abs(percent) < 1e-9 { return "as in the table" }
        return (percent > 0 ? "+" : "−") + Format.grouped(abs(percent), maxFractionDigits: 1) + "%"
    }

    mutating func submit(_ prompt: Prompt, _ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch prompt {
        case .saveWorkload, .exportCSV:
            switch OutputPath.normalise(text) {
            case .failure(let e): mode = .prompt(prompt, text: text, error: e.message)
            case .success(let path):
                mode = .normal
                pendingEffect = prompt == .saveWorkload ? .saveWorkload(path: path, overwrite: false) : .exportCSV(path: path, overwrite: false)
            }
        case .priceOffering(let id), .priceProvider(let id):
            switch Self.parsePriceChange(trimmed) {
            case .failure(let e): mode = .prompt(prompt, text: text, error: e.message)
            case .success(let factor):
                mode = .normal
                if case .priceProvider = prompt {
                    setPriceFactor(factor, for: session.offerings.filter { $0.provider == id }.map(\.id))
                    message = Message(text: "\(id): all prices \(Self.percentText(factor)) (what-if).", isError: false)
                } else {
                    setPriceFactor(factor, for: [id])
                    message = Message(text: "\(id): prices \(Self.percentText(factor)) (what-if).", isError: false)
                }
            }
        }
    }

    /// `-20%`, `+15%`, `x0.8`, `0.8x` or `reset`, as a factor on the table's prices.
    static func parsePriceChange(_ text: String) -> Result<Double, StepError> {
        let t = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "−", with: "-").lowercased()
        let usage = "expected a change like -20%, +15% or x0.8 (reset: 0%)"
        if t == "reset" || t == "0" || t == "0%" { return .success(1) }
        var factor: Double?
        if t.hasSuffix("%") {
            let body = t.dropLast()
            guard let sign = body.first, sign == "-" || sign == "+" else {
                return .failure(StepError("price change: say -\(body)% for a cut or +\(body)% for a rise"))
            }
            guard let percent = Double(body.dropFirst()), percent.isFinite, percent >= 0 else { return .failure(StepError("price change: \(usage), got '\(text)'")) }
            factor = 1 + (sign == "-" ? -percent : percent) / 100
        } else if t.hasPrefix("x") || t.hasPrefix("×") {
            factor = Double(t.dropFirst())
        } else if t.hasSuffix("x") || t.hasSuffix("×") {
            factor = Double(t.dropLast())
        }
        guard let f = factor, f.isFinite else { return .failure(StepError("price change: \(usage), got '\(text)'")) }
        guard f >= 0 else { return .failure(StepError("price change: prices cannot fall below zero (−100%)")) }
        guard f <= 100 else { return .failure(StepError("price change: at most ×100")) }
        return .success(f)
    }

    func defaultFileName(suffix: String) -> String {
        let stem: String
        if let path = session.workloadPath {
            var name = (path as NSString).lastPathComponent
            for ext in [".yaml", ".yml"] where name.hasSuffix(ext) { name.removeLast(ext.count) }
            stem = name
        } else {
            stem = workloadName.map { $0.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }.flatMap { $0.isEmpty ? nil : $0 } ?? "workload"
        }
        return stem + suffix
    }
}

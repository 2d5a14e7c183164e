import RunCostCore

/// Styles and glyphs in one place. Every style that carries meaning also sets an attribute (bold,
/// dim, reverse), so the screen still reads on a monochrome terminal or with NO_COLOR.
enum Theme {
    static let header = Style(reverse: true)
    static let title = Style(bold: true)
    static let frame = Style(foreground: .gray)
    static let focusedFrame = Style(foreground: .cyan, bold: true)
    static let label = Style()
    static let value = Style(bold: true)
    static let selected = Style(reverse: true)
    static let selectedUnfocused = Style(underline: true)
    static let cheapest = Style(foreground: .green, bold: true)
    static let infeasible = Style(foreground: .gray, dim: true)
    static let muted = Style(foreground: .gray)
    static let up = Style(foreground: .red)
    static let down = Style(foreground: .green)
    static let error = Style(foreground: .red, bold: true)
    static let info = Style(foreground: .cyan)
    static let edited = Style(foreground: .yellow, bold: true)
    static let editedTag = Style(foreground: .yellow, bold: true, reverse: true)
    static let input = Style(underline: true)
    static let marker = Style(foreground: .gray, dim: true)
    static let crossing = Style(foreground: .white, bold: true)
    static let bar = Style(foreground: .blue)
    static let cheapestBar = Style(foreground: .green)

    /// Line colours of the chart, cheapest first.
    static let palette: [Color] = [.green, .cyan, .yellow, .magenta, .blue, .red, .white, .gray]
    /// Monochrome and ASCII charts tell lines apart by letter.
    static let letters: [Character] = ["a", "b", "c", "d", "e", "f", "g", "h"]
}

/// Characters that need a UTF-8 locale, with ASCII stand-ins for the C locale.
struct Glyphs: Sendable, Equatable {
    var unicode: Bool

    var up: String { unicode ? "▲" : "^" }
    var down: String { unicode ? "▼" : "v" }
    var pointer: String { unicode ? "▸" : ">" }
    var times: String { unicode ? "×" : "x" }
    var ellipsis: String { unicode ? "…" : "~" }
    var barFull: Character { unicode ? "█" : "#" }
    var vertical: Character { unicode ? "│" : "|" }
    var crossing: Character { unicode ? "×" : "X" }
    var check: String { unicode ? "✓" : "x" }
    var pencil: String { unicode ? "✎" : "*" }
    var cursor: Character { unicode ? "▏" : "_" }
    var legendLine: String { unicode ? "━━" : "--" }

    /// Left-to-right eighths of a cell, for bars with sub-cell precision.
    var eighths: [Character] { unicode ? [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"] : [" ", " ", " ", " ", "#", "#", "#", "#"] }
}

extension Glyphs {
    /// An ASCII stand-in for any character the views draw, for the C locale, where ncurses would
    /// otherwise show "?" (box lines, dots, dashes, arrows and symbols).
    static func ascii(_ c: Character) -> Character {
        if c.isASCII { return c }
        switch c {
        case "─", "━", "═", "–", "—", "·", "•", "−": return "-"
        case "│", "┃", "║", "▏": return "|"
        case "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼": return "+"
        case "…": return "~"
        case "×", "✗": return "x"
        case "▲", "↑": return "^"
        case "▼", "↓": return "v"
        case "▸", "→": return ">"
        case "←": return "<"
        case "Δ": return "d"
        case "÷": return "/"
        case "“", "”": return "\""
        case "✎": return "*"
        case "✓": return "x"
        default:
            if let scalar = c.unicodeScalars.first, (0x2580...0x259F).contains(scalar.value) { return "#" }   // blocks
            if let scalar = c.unicodeScalars.first, (0x2800...0x28FF).contains(scalar.value) { return "." }   // braille
            return "?"
        }
    }
}

/// Text fitting helpers: the Screen clips by Character, these add an ellipsis and padding.
enum Text {
    /// `text` cut to `width` characters, ending in an ellipsis when cut.
    static func clip(_ text: String, _ width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        return String(text.prefix(max(0, width - ellipsis.count))) + ellipsis.prefix(width)
    }

    /// Cut in the middle, so ids that share a prefix stay distinct: `digitalo…-1vcpu-1gb`.
    static func clipMiddle(_ text: String, _ width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        guard width > ellipsis.count + 4 else { return clip(text, width, ellipsis: ellipsis) }
        let keep = width - ellipsis.count
        let head = keep * 9 / 20
        return String(text.prefix(head)) + ellipsis + String(text.suffix(keep - head))
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    static func padRight(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Words wrapped to `width` columns. Leading indentation is kept (explain output indents
    /// formulas) and `- ` list items hang; words longer than a line are cut.
    static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lead = String(paragraph.prefix { $0 == " " })
            var hang = paragraph.dropFirst(lead.count).hasPrefix("- ") ? lead + "  " : lead
            if hang.count >= width / 2 { hang = "" }
            var line = ""
            for word in paragraph.split(separator: " ") {
                if line.isEmpty {
                    line = lead + word   // only at the start of a paragraph
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = hang + word
                }
                while line.count > width {
                    lines.append(String(line.prefix(width)))
                    line = hang + line.dropFirst(width)
                }
            }
            lines.append(line)
        }
        return lines
    }
}


import RunCostCore

/// XML escaping shared by the JUnit and SVG writers.
enum XML {
    /// Escapes specials and drops characters XML 1.0 forbids, so any text parses. With
    /// `keepLineBreaks` newlines and tabs survive as character references (JUnit messages);
    /// otherwise they become spaces (SVG labels).
    static func escape(_ text: String, keepLineBreaks: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += keepLineBreaks ? "&#10;" : " "
            case "\t": out += keepLineBreaks ? "&#9;" : " "
            case "\r": out += keepLineBreaks ? "" : " "
            case let c where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF: continue
            // DEL, C1 and bidi controls are legal XML but act in a CI log or viewer: shown, not obeyed.
            case let c where SafeText.isHazard(c): out += SafeText.neutralised(String(c))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

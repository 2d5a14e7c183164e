/// Text from tables, workloads and budgets is data, not terminal commands: an offering named
/// "Acme\u{1B}]0;pwned\u{07}" must not retitle the window, "\r" must not overwrite a line and a bidi
/// override must not reorder what a reviewer reads. Every text, Markdown and CSV renderer (and the
/// TUI) passes user text through `neutralised`, which works on Unicode scalars: "\r\n" is one
/// `Character`, so a Character test would let a CRLF through.
public enum SafeText {
    /// True for a scalar a terminal or a bidi-aware viewer would act on instead of showing:
    /// C0 controls (NUL…US, including ESC, BEL, CR, LF, TAB), DEL, C1 controls (U+0080…U+009F),
    /// the bidi embeddings, overrides, isolates and marks, and the Unicode line/paragraph separators.
    public static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0x2028, 0x2029: true
        default: false
        }
    }

    /// `text` with every hazard written as a visible escape, `\u{1B}`, so nothing is lost and
    /// nothing acts. `keepingLineBreaks` lets "\n" through, for whole reports whose own lines
    /// are trusted; table cells and single-line fields are neutralised with it off.
    public static func neutralised(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isHazard($0) && !(keepingLineBreaks && $0 == "\n") }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHazard(scalar) && !(keepingLineBreaks && scalar == "\n") {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

/// A terminal colour. `.gray` is rendered as dim white on 8-colour terminals.
public enum Color: Int, CaseIterable, Hashable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white, gray
}

/// Visual attributes of one cell; `nil` colours mean the terminal's default.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: Color? = nil, background: Color? = nil,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}

public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style

    public init(character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell()

    /// `character`, or a harmless stand-in when it holds a control or bidi-control scalar. Tested
    /// by scalar, not by Character: "\r\n" is one Character, and so is a letter with a C1 control.
    public static func neutralised(_ character: Character) -> Character {
        var neutral: Character?
        for scalar in character.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
                || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                neutral = neutral ?? " "
            } else if scalar.properties.generalCategory == .control || scalar.properties.isBidiControl {
                neutral = "?"
            }
        }
        return neutral ?? character
    }
}

/// A plain grid of styled cells: views build one, `Terminal` paints it, tests read it as text.
/// Every character occupies one column. Drawing outside the grid is clipped, never a trap.
public struct Screen: Hashable, Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    private func contains(x: Int, y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    /// The cell at (x, y), or nil outside the grid.
    public subscript(x: Int, y: Int) -> Cell? {
        contains(x: x, y: y) ? cells[y * width + x] : nil
    }

    /// Sets one cell; ignored outside the grid.
    public mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        cells[y * width + x] = cell
    }

    /// Writes `text` one `Character` per column starting at (x, y), clipped to the grid and to
    /// `maxWidth` columns. Text from tables and files cannot reach the terminal as commands: tabs
    /// and line breaks become spaces, other control characters (ESC, BEL, C1) and bidi overrides
    /// become `?` (see `Cell.neutralised`). Returns the column just after the written text (as if
    /// unclipped by the grid).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth.map { x.saturatingAdd(max(0, $0)) } ?? Int.max
        var column = x
        for character in text {
            guard column < limit else { break }
            if column >= width { break }
            set(Cell(character: Cell.neutralised(character), style: style), x: column, y: y)
            column += 1
        }
        return column
    }

    /// Fills a rectangle with `character`, clipped to the grid.
    public mutating func fill(
        x: Int = 0, y: Int = 0, width: Int, height: Int,
        character: Character = " ", style: Style = .plain
    ) {
        let cell = Cell(character: character, style: style)
        let rowEnd = min(self.height, y.saturatingAdd(max(0, height)))
        let columnEnd = min(self.width, x.saturatingAdd(max(0, width)))
        guard max(0, y) < rowEnd, max(0, x) < columnEnd else { return }
        let rows = max(0, y)..<rowEnd
        let columns = max(0, x)..<columnEnd
        for row in rows {
            for column in columns {
                cells[row * self.width + column] = cell
            }
        }
    }

    /// Draws a single-line box border with an optional title in the top edge; the interior is untouched.
    /// Boxes smaller than 2×2 are not drawn.
    public mutating func box(x: Int, y: Int, width: Int, height: Int, title: String? = nil, style: Style = .plain) {
        guard width >= 2, height >= 2 else { return }
        let right = x.saturatingAdd(width - 1)
        let bottom = y.saturatingAdd(height - 1)
        // Only visit edge cells inside the grid, so huge boxes cost no more than the screen.
        let firstColumn = max(0, x.saturatingAdd(1))
        let firstRow = max(0, y.saturatingAdd(1))
        let columns = firstColumn..<max(firstColumn, min(self.width, right))
        let rows = firstRow..<max(firstRow, min(self.height, bottom))
        for column in columns {
            set(Cell(character: "─", style: style), x: column, y: y)
            set(Cell(character: "─", style: style), x: column, y: bottom)
        }
        for row in rows {
            set(Cell(character: "│", style: style), x: x, y: row)
            set(Cell(character: "│", style: style), x: right, y: row)
        }
        set(Cell(character: "┌", style: style), x: x, y: y)
        set(Cell(character: "┐", style: style), x: right, y: y)
        set(Cell(character: "└", style: style), x: x, y: bottom)
        set(Cell(character: "┘", style: style), x: right, y: bottom)
        if let title, !title.isEmpty, width > 4 {
            put(" \(title) ", x: x.saturatingAdd(1), y: y, style: style, maxWidth: width - 2)
        }
    }

    /// Row `y` as text with trailing spaces trimmed; "" outside the grid.
    public func row(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var characters = cells[(y * width)..<((y + 1) * width)].map(\.character)
        while characters.last == " " { characters.removeLast() }
        return String(characters)
    }

    /// All rows joined by "\n", each with trailing spaces trimmed.
    public func text() -> String {
        (0..<height).map(row).joined(separator: "\n")
    }
}

extension Int {
    /// Addition that clamps instead of trapping, so extreme coordinates just clip.
    fileprivate func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}

// The only file that draws with ncurses; signals are in SignalGuard.swift.
internal import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A key press decoded from the terminal.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case enter, backspace, delete, escape, tab, backTab
    case home, end, pageUp, pageDown
    case resize
    /// A control chord, lower-case: Ctrl-C is `.ctrl("c")` (raw mode delivers it as a key).
    case ctrl(Character)
}

/// Why the full-screen interface cannot start.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case unsupportedTerminal(String)
    case initializationFailed(String)
    case alreadyActive

    public var description: String {
        let hint = "use `runcost compare` for plain output"
        switch self {
        case .notATerminal:
            return "the interactive screen needs a terminal on stdin and stdout; \(hint)"
        case .unsupportedTerminal(let term) where term.isEmpty:
            return "TERM is not set; set it (e.g. xterm-256color) or \(hint)"
        case .unsupportedTerminal(let term):
            return "terminal '\(term)' cannot position the cursor; set TERM (e.g. xterm-256color) or \(hint)"
        case .initializationFailed(let term):
            return "could not initialise terminal '\(term)'; check TERM or \(hint)"
        case .alreadyActive:
            return "the interactive screen is already running"
        }
    }
}

/// Owns the ncurses session. Create one at a time; `restore()` (also run on deinit) gives the
/// terminal back. Termination signals are reported through `receivedSignal`, crashes restore the
/// terminal before the process dies.
public final class Terminal {
    /// Read timeout: long enough not to spin, short enough to notice signals promptly.
    private static let readTimeoutMilliseconds: Int32 = 150
    /// ncurses is a process-wide singleton.
    nonisolated(unsafe) private static var sessionIsOpen = false

    public private(set) var colorEnabled = false
    private var session: OpaquePointer?
    private var hasDefaultColors = false
    private var hasBrightColors = false
    private var colorPairs: [ColorKey: Int16] = [:]
    private var nextPair: Int32 = 1
    private var lastDrawn: Screen?

    private struct ColorKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    public init() throws {
        setlocale(LC_ALL, "")
        guard !Terminal.sessionIsOpen else { throw TerminalError.alreadyActive }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError.notATerminal
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else { throw TerminalError.unsupportedTerminal(term) }

        // Installed before newterm so ncurses keeps our SIGINT/SIGTERM handlers instead of its own.
        SignalGuard.install()
        guard let session = newterm(nil, rc_stdout(), rc_stdin()) else {
            SignalGuard.uninstall()
            throw TerminalError.initializationFailed(term)
        }
        guard rc_has_string_capability("cup") != 0 else {
            endwin()
            delscreen(session)
            SignalGuard.uninstall()
            throw TerminalError.unsupportedTerminal(term)
        }
        self.session = session
        Terminal.sessionIsOpen = true
        SignalGuard.setCursesActive(true)

        raw()
        noecho()
        nonl()
        keypad(rc_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        wtimeout(rc_stdscr(), Terminal.readTimeoutMilliseconds)

        // NO_COLOR (https://no-color.org) is honoured whatever its value.
        if getenv("NO_COLOR") == nil, has_colors() {
            start_color()
            colorEnabled = true
            hasDefaultColors = use_default_colors() == OK
            hasBrightColors = rc_colors() >= 16
        }
    }

    deinit {
        restore()
    }

    /// Ends the ncurses session; safe to call more than once.
    public func restore() {
        guard let session else { return }
        self.session = nil
        SignalGuard.setCursesActive(false)
        endwin()
        delscreen(session)
        SignalGuard.uninstall()
        Terminal.sessionIsOpen = false
    }

    /// Current terminal size in columns and rows.
    public var size: (width: Int, height: Int) {
        guard session != nil else { return (0, 0) }
        return (Int(rc_cols()), Int(rc_lines()))
    }

    /// SIGTERM, SIGHUP or SIGINT received since the session started, if any.
    public var receivedSignal: Int32? { SignalGuard.pendingSignal }

    /// True once the terminal has gone: a hang-up, or end of input (its window was closed).
    public private(set) var inputClosed = false
    /// Reads in a row that found nothing although input was readable: end of input.
    private var emptyReadableReads = 0

    // MARK: Output

    /// Paints `screen` (clipped to the terminal), repainting only rows that changed since last time.
    public func draw(_ screen: Screen) {
        guard session != nil else { return }
        let (columns, lines) = size
        let repaintAll = lastDrawn.map { $0.width != screen.width || $0.height != screen.height } ?? true
        if repaintAll {
            werase(rc_stdscr())
        }
        for y in 0..<min(screen.height, lines) {
            if !repaintAll, let lastDrawn, Terminal.rowsEqual(lastDrawn, screen, y) { continue }
            paintRow(y, of: screen, columns: min(screen.width, columns))
        }
        wnoutrefresh(rc_stdscr())
        doupdate()
        lastDrawn = screen
    }

    /// Forces the next `draw` to repaint everything (e.g. after a resize or external output).
    public func invalidate() {
        lastDrawn = nil
        if session != nil { clearok(rc_stdscr(), true) }
    }

    private static func rowsEqual(_ a: Screen, _ b: Screen, _ y: Int) -> Bool {
        (0..<a.width).allSatisfy { a[$0, y] == b[$0, y] }
    }

    private func paintRow(_ y: Int, of screen: Screen, columns: Int) {
        var x = 0
        while x < columns, let cell = screen[x, y] {
            // Screen.put neutralises text already; cells set directly are checked again here.
            var glyph = Array(Cell.neutralised(cell.character).unicodeScalars.prefix(Int(rc_cchar_max())))
                .map { wchar_t(bitPattern: $0.value) }
            // Screen counts one column per Character; keep that grid aligned on the terminal.
            var advance = 1
            switch rc_wcwidth(glyph[0]) {
            case 1:
                break
            case 2 where x + 1 < columns:
                advance = 2  // The glyph covers the next cell, whose content is lost.
            default:
                glyph = [wchar_t(bitPattern: Terminal.fallback(for: cell.character).value)]
            }
            let (attributes, pair) = attributes(for: cell.style)
            glyph.append(0)
            if rc_put_cell(Int32(y), Int32(x), glyph, attributes, pair) == ERR {
                _ = rc_put_cell(Int32(y), Int32(x), [wchar_t(63), 0], attributes, pair)  // "?"
            }
            x += advance
        }
    }

    /// ASCII stand-ins for characters the locale cannot show in one column (e.g. LANG=C).
    private static func fallback(for character: Character) -> Unicode.Scalar {
        switch character {
        case "─", "━", "═": return "-"
        case "│", "┃", "║": return "|"
        case "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼": return "+"
        case "…": return "~"
        default: return "?"
        }
    }

    private func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = rc_a_normal()
        if style.bold { attributes |= rc_a_bold() }
        if style.dim { attributes |= rc_a_dim() }
        if style.reverse { attributes |= rc_a_reverse() }
        if style.underline { attributes |= rc_a_underline() }
        // Without bright colours (or without colour at all) gray text is dim text.
        if style.foreground == .gray, !(colorEnabled && hasBrightColors) { attributes |= rc_a_dim() }
        guard colorEnabled else { return (attributes, 0) }
        let key = ColorKey(foreground: colorNumber(style.foreground), background: colorNumber(style.background))
        return (attributes, pair(for: key))
    }

    private func colorNumber(_ color: Color?) -> Int16 {
        switch color {
        case nil: return -1
        case .gray?: return hasBrightColors ? 8 : Int16(COLOR_WHITE)
        case let color?: return Int16(color.rawValue)  // Matches COLOR_BLACK...COLOR_WHITE.
        }
    }

    /// Colour pairs are allocated on first use; when the terminal runs out, default colours are used.
    private func pair(for key: ColorKey) -> Int16 {
        if key.foreground == -1, key.background == -1 { return 0 }
        if let pair = colorPairs[key] { return pair }
        guard nextPair < min(rc_color_pairs(), Int32(Int16.max)) else { return 0 }
        var foreground = key.foreground
        var background = key.background
        if !hasDefaultColors {
            if foreground == -1 { foreground = Int16(COLOR_WHITE) }
            if background == -1 { background = Int16(COLOR_BLACK) }
        }
        let pair = Int16(nextPair)
        guard init_pair(pair, foreground, background) == OK else { return 0 }
        nextPair += 1
        colorPairs[key] = pair
        return pair
    }

    // MARK: Input

    /// Waits up to the read timeout for a key; nil on timeout, on a signal, for unmapped keys, and
    /// once the input is closed (then `inputClosed` is true: the loop must end, not spin).
    public func readKey() -> Key? {
        guard session != nil, !inputClosed else { return nil }
        var code: wint_t = 0
        switch wget_wch(rc_stdscr(), &code) {
        case KEY_CODE_YES:
            emptyReadableReads = 0
            let key = Terminal.functionKey(Int32(code))
            if key == .resize { invalidate() }
            return key
        case OK:
            emptyReadableReads = 0
            return Terminal.characterKey(UInt32(code))
        default:
            // ncurses reports a time-out, an interrupted read and end of input all as ERR.
            // A hung-up terminal polls as such; end of input polls readable yet reads nothing,
            // again and again (a real key would have been read).
            switch rc_poll_input(STDIN_FILENO) {
            case 1: inputClosed = true
            case 2:
                emptyReadableReads += 1
                if emptyReadableReads >= Terminal.emptyReadsMeaningClosed { inputClosed = true }
            default: emptyReadableReads = 0
            }
            return nil
        }
    }

    /// Three in a row: a lone Escape or a partial sequence is settled by then.
    private static let emptyReadsMeaningClosed = 3

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default: return nil
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl("@")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 28...31: return .ctrl(Character(Unicode.Scalar(UInt8(0x40 + value))))
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }
}

/// Runs an Elm-style loop: draws `view(model, width, height)`, waits for a key, applies `update`
/// (nil quits) and redraws. Returns the final model; also returns when a termination signal
/// arrives (see `Terminal.receivedSignal`) or the terminal closes (`Terminal.inputClosed`).
/// Reads time out, so idle waiting never spins.
public func runLoop<Model>(
    terminal: Terminal,
    initial: Model,
    update: (Model, Key) -> Model?,
    view: (Model, _ width: Int, _ height: Int) -> Screen
) -> Model {
    var model = initial
    var needsDraw = true
    while terminal.receivedSignal == nil, !terminal.inputClosed {
        if needsDraw {
            let (width, height) = terminal.size
            terminal.draw(view(model, width, height))
            needsDraw = false
        }
        guard let key = terminal.readKey() else { continue }  // Timeout: re-check the signal flag.
        guard let next = update(model, key) else { break }
        model = next
        needsDraw = true
    }
    return model
}

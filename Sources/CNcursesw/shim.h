#ifndef RUNCOST_CNCURSESW_SHIM_H
#define RUNCOST_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D flags, so select the wide-character API here.
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift 6 rejects these mutable C globals and cannot import expression macros,
// so they are exposed as functions.
static inline WINDOW *rc_stdscr(void) { return stdscr; }
static inline int rc_lines(void) { return LINES; }
static inline int rc_cols(void) { return COLS; }
static inline int rc_colors(void) { return COLORS; }
static inline int rc_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *rc_stdout(void) { return stdout; }
static inline FILE *rc_stdin(void) { return stdin; }

static inline attr_t rc_a_normal(void) { return A_NORMAL; }
static inline attr_t rc_a_bold(void) { return A_BOLD; }
static inline attr_t rc_a_reverse(void) { return A_REVERSE; }
static inline attr_t rc_a_dim(void) { return A_DIM; }
static inline attr_t rc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rc_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

// tigetstr returns (char *)-1 for "not a string capability" and NULL for absent.
static inline int rc_has_string_capability(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1;
}

// Writes one cell: `wch` is a NUL-terminated spacing character followed by at
// most CCHARW_MAX - 1 combining characters.
static inline int rc_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, pair, NULL) != OK) {
        return ERR;
    }
    // Ignored: writing the bottom-right cell stores it but reports ERR (the cursor cannot wrap).
    (void)mvwadd_wch(stdscr, y, x, &cell);
    return OK;
}

static inline int rc_cchar_max(void) { return CCHARW_MAX; }

// glibc declares wcwidth only under _XOPEN_SOURCE, which the prebuilt libc module lacks.
extern int wcwidth(wchar_t c);
static inline int rc_wcwidth(wchar_t c) { return wcwidth(c); }

// ---- Signals -------------------------------------------------------------
// Stateless helpers only. A `static` variable here would exist once per translation unit that
// includes this header (a release build held two signal flags: the handler set one, the loop read
// the other), so the state lives in one block that Swift allocates (SignalGuard.swift) and passes in.

#define RC_SIGNAL_SLOTS 65  // Covers every signal number on Linux (NSIG) and Darwin.

typedef struct {
    volatile sig_atomic_t pending_signal;
    volatile sig_atomic_t curses_active;
    sigset_t saved_mask;
    struct sigaction saved[RC_SIGNAL_SLOTS];
} rc_signal_state;

static inline int rc_load_flag(const volatile sig_atomic_t *flag) { return (int)*flag; }
static inline void rc_store_flag(volatile sig_atomic_t *flag, int value) { *flag = value; }

/// Installs `handler` for `sig`, keeping the previous action in the state. No SA_RESTART, so a
/// signal cuts the read timeout short; crash handlers run on the runtime's alternate stack, if any.
static inline void rc_install_handler(rc_signal_state *state, int sig, void (*handler)(int), int on_alternate_stack) {
    if (sig <= 0 || sig >= RC_SIGNAL_SLOTS) return;
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = on_alternate_stack ? SA_ONSTACK : 0;
    action.sa_handler = handler;
    sigaction(sig, &action, &state->saved[sig]);
}

static inline void rc_restore_handler(rc_signal_state *state, int sig) {
    if (sig <= 0 || sig >= RC_SIGNAL_SLOTS) return;
    sigaction(sig, &state->saved[sig], NULL);
}

/// True when `sig` is ignored now (e.g. SIGHUP under nohup): such a signal ends nothing.
static inline int rc_signal_is_ignored(int sig) {
    struct sigaction current;
    if (sigaction(sig, NULL, &current) != 0) return 0;
    return current.sa_handler == SIG_IGN;
}

/// Unblocks the termination signals, keeping the mask found at start-up: a parent may hand down
/// blocked signals (threads of libdispatch block them, and children spawned from such a thread
/// inherit the mask), which would leave SIGTERM and SIGHUP pending forever.
static inline void rc_unblock_termination(rc_signal_state *state) {
    sigset_t termination;
    sigemptyset(&termination);
    sigaddset(&termination, SIGTERM);
    sigaddset(&termination, SIGHUP);
    sigaddset(&termination, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &termination, &state->saved_mask);
}

static inline void rc_restore_mask(rc_signal_state *state) {
    pthread_sigmask(SIG_SETMASK, &state->saved_mask, NULL);
}

/// From a handler: gives the terminal back once. endwin() is not async-signal-safe, but the process
/// is dying anyway and leaving the user's terminal in raw mode is worse.
static inline void rc_end_curses_from_handler(rc_signal_state *state) {
    if (state->curses_active) {
        state->curses_active = 0;
        endwin();
    }
}

/// From a handler: raises `sig` again with `action` in place (the previous handler, e.g. the Swift
/// runtime's backtracer, or SIG_DFL), unblocked so it runs now. A handler may return from a signal
/// sent with kill(1); then the default action ends the process, so it never runs on without curses.
static inline void rc_reraise(int sig, const struct sigaction *action) {
    sigaction(sig, action, NULL);
    sigset_t this_signal;
    sigemptyset(&this_signal);
    sigaddset(&this_signal, sig);
    pthread_sigmask(SIG_UNBLOCK, &this_signal, NULL);
    raise(sig);
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void rc_reraise_previous(rc_signal_state *state, int sig) {
    if (sig <= 0 || sig >= RC_SIGNAL_SLOTS) return;
    rc_reraise(sig, &state->saved[sig]);
}

/// From a handler: the default action (end the process, with a core for SIGQUIT), no other handler.
static inline void rc_reraise_default(int sig) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = SIG_DFL;
    rc_reraise(sig, &action);
}

// ---- Input ---------------------------------------------------------------

/// The state of input `fd` right now, without waiting: 1 when the terminal is gone (hang-up,
/// error, closed descriptor), 2 when it is readable, 0 when nothing is waiting.
static inline int rc_poll_input(int fd) {
    struct pollfd entry = { .fd = fd, .events = POLLIN, .revents = 0 };
    if (poll(&entry, 1, 0) < 0) return 0;
    if (entry.revents & (POLLHUP | POLLERR | POLLNVAL)) return 1;
    return (entry.revents & POLLIN) ? 2 : 0;
}

#endif

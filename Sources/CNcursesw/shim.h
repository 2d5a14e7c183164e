#ifndef RUNCOST_CNCURSESW_SHIM_H
#define RUNCOST_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D flags, so select the wide-character API here.
#define NCURSES_WIDECHAR 1

#include <locale.h>
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
// Termination signals only set a flag (async-signal-safe); the run loop polls
// it after each read timeout and restores the terminal on the normal path.
// These statics are private to each translation unit, so only one Swift file
// (Terminal.swift) may use them.

static volatile sig_atomic_t rc_pending_signal_number = 0;
static volatile sig_atomic_t rc_curses_is_active = 0;

// A function-local static: Swift's importer does not emit file-scope tentative definitions.
static inline struct sigaction *rc_saved_action(int sig) {
    static struct sigaction saved[NSIG];
    return &saved[sig];
}

static const int rc_termination_signals[] = {SIGTERM, SIGHUP, SIGINT};
static const int rc_crash_signals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP};
#define RC_COUNT(array) ((int)(sizeof(array) / sizeof((array)[0])))

static inline void rc_on_termination_signal(int sig) {
    rc_pending_signal_number = sig;
}

// Trade-off: endwin() is not async-signal-safe, but the process is dying
// anyway and leaving the user's terminal in raw mode is worse. After that the
// previous handler (default, or the Swift runtime's backtracer) is reinstated
// and the signal raised again, unblocked so it runs now. A signal sent with
// kill(1) is no fault, and a handler may return from it: then the default
// action ends the process, so the program never runs on without curses.
static inline void rc_on_crash_signal(int sig) {
    if (rc_curses_is_active) {
        rc_curses_is_active = 0;
        endwin();
    }
    sigaction(sig, rc_saved_action(sig), NULL);
    sigset_t this_signal;
    sigemptyset(&this_signal);
    sigaddset(&this_signal, sig);
    sigprocmask(SIG_UNBLOCK, &this_signal, NULL);
    raise(sig);
    signal(sig, SIG_DFL);
    raise(sig);
}

// The signal mask found at start-up: a parent may hand down blocked termination signals (threads
// of libdispatch block them, and children spawned from such a thread inherit the mask), which
// would leave SIGTERM and SIGHUP pending forever instead of restoring the terminal.
static inline sigset_t *rc_saved_mask(void) {
    static sigset_t saved;
    return &saved;
}

static inline void rc_install_signal_handlers(void) {
    rc_pending_signal_number = 0;
    sigset_t termination;
    sigemptyset(&termination);
    sigaddset(&termination, SIGTERM);
    sigaddset(&termination, SIGHUP);
    sigaddset(&termination, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &termination, rc_saved_mask());
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // No SA_RESTART: a signal should cut the read timeout short.
    action.sa_handler = rc_on_termination_signal;
    for (int i = 0; i < RC_COUNT(rc_termination_signals); i++) {
        int sig = rc_termination_signals[i];
        sigaction(sig, &action, rc_saved_action(sig));
    }
    action.sa_flags = SA_ONSTACK;  // Uses the runtime's alternate stack, if any (stack overflow).
    action.sa_handler = rc_on_crash_signal;
    for (int i = 0; i < RC_COUNT(rc_crash_signals); i++) {
        int sig = rc_crash_signals[i];
        sigaction(sig, &action, rc_saved_action(sig));
    }
}

static inline void rc_restore_signal_handlers(void) {
    pthread_sigmask(SIG_SETMASK, rc_saved_mask(), NULL);
    for (int i = 0; i < RC_COUNT(rc_termination_signals); i++) {
        int sig = rc_termination_signals[i];
        sigaction(sig, rc_saved_action(sig), NULL);
    }
    for (int i = 0; i < RC_COUNT(rc_crash_signals); i++) {
        int sig = rc_crash_signals[i];
        sigaction(sig, rc_saved_action(sig), NULL);
    }
}

static inline int rc_pending_signal(void) { return (int)rc_pending_signal_number; }
static inline void rc_set_curses_active(int active) { rc_curses_is_active = active; }

#endif

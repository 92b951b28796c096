// SwiftPM drops pkg-config's -D flags, so wide-character support is switched on here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

// C macros Swift cannot call, wrapped as prefixed functions.
static inline int fer_getmaxy(WINDOW *window) { return getmaxy(window); }
static inline int fer_getmaxx(WINDOW *window) { return getmaxx(window); }
static inline int fer_color_pair(int pair) { return (int)COLOR_PAIR(pair); }
static inline attr_t fer_a_bold(void) { return A_BOLD; }
static inline attr_t fer_a_reverse(void) { return A_REVERSE; }
static inline attr_t fer_a_underline(void) { return A_UNDERLINE; }
static inline attr_t fer_a_dim(void) { return A_DIM; }
static inline attr_t fer_a_normal(void) { return A_NORMAL; }
static inline int fer_key_resize(void) { return KEY_RESIZE; }
static inline int fer_key_up(void) { return KEY_UP; }
static inline int fer_key_down(void) { return KEY_DOWN; }
static inline int fer_key_left(void) { return KEY_LEFT; }
static inline int fer_key_right(void) { return KEY_RIGHT; }
static inline int fer_key_home(void) { return KEY_HOME; }
static inline int fer_key_end(void) { return KEY_END; }
static inline int fer_key_npage(void) { return KEY_NPAGE; }
static inline int fer_key_ppage(void) { return KEY_PPAGE; }
static inline int fer_key_enter(void) { return KEY_ENTER; }
static inline int fer_key_backspace(void) { return KEY_BACKSPACE; }
static inline int fer_key_btab(void) { return KEY_BTAB; }
static inline int fer_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t fer_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t fer_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t fer_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t fer_wheel_down(void) { return BUTTON5_PRESSED; }
static inline int fer_ok(void) { return OK; }
static inline int fer_err(void) { return ERR; }
static inline WINDOW *fer_stdscr(void) { return stdscr; }
static inline int fer_colors(void) { return COLORS; }
static inline int fer_color_pairs(void) { return COLOR_PAIRS; }
static inline int fer_key_code_yes(void) { return KEY_CODE_YES; }
static inline int fer_key_f0(void) { return KEY_F0; }
static inline int fer_key_dc(void) { return KEY_DC; }
static inline int fer_key_ic(void) { return KEY_IC; }
// The C standard streams, which Swift 6 treats as unsafe shared globals.
static inline FILE *fer_standard_input(void) { return stdin; }
static inline FILE *fer_standard_output(void) { return stdout; }

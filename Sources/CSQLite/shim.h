#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a destructor pointer, which Swift cannot import.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

/// SQLITE_STATIC, for bindings whose memory outlives the step (Swift cannot import the macro either).
static inline sqlite3_destructor_type csqlite_static(void) { return SQLITE_STATIC; }

#endif

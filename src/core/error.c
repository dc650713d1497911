/*
 * error.c - the one status enum and the one error record.  Messages are
 * formatted into the record itself, so an error never needs freeing.
 */
#include "core.h"

#include <stdio.h>
#include <string.h>

const char *tc_status_str(tc_status status)
{
    switch (status) {
    case TC_OK: return "ok";
    case TC_DONE: return "done";
    case TC_ERR_NOMEM: return "out of memory";
    case TC_ERR_IO: return "input/output error";
    case TC_ERR_INPUT: return "malformed input";
    case TC_ERR_LIMIT: return "over a limit";
    case TC_ERR_USAGE: return "bad argument";
    case TC_ERR_UNSUPPORTED: return "unsupported";
    }
    return "unknown status";
}

void tc_error_clear(tc_error *err)
{
    if (!err)
        return;
    err->code = TC_OK;
    err->message[0] = '\0';
    err->file[0] = '\0';
    err->line = 0;
    err->byte = 0;
}

tc_status tc_error_set(tc_error *err, tc_status code, const char *file,
                       uint64_t line, uint64_t byte, const char *fmt, ...)
{
    va_list ap;
    if (!err)
        return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->byte = byte;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

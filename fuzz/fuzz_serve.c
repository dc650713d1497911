/*
 * fuzz_serve.c - libFuzzer target for the request parser of tacitus
 * serve (src/serve/request.c): any bytes as a request target (path and
 * query), parsed, capped, routed and validated.  Checks that what comes
 * out holds: a static file name is relative, has no segment starting
 * with a dot (so no "." or ".."), no empty segment, no byte outside
 * [A-Za-z0-9._-/]; every parameter kept is within the value cap.
 */
#include "serve/serve.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    tc_api_req r;
    tc_api_err e;
    int i;
    if (tc_api_parse((const char *)data, size, &r, &e)) {
        if (r.ep == TC_EP_STATIC &&
            (r.file[0] == '/' || r.file[0] == '.' || strstr(r.file, "/.") ||
             strstr(r.file, "//") ||
             strspn(r.file, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                            "0123456789._-/") != strlen(r.file)))
            abort();
        for (i = 0; i < r.nparams; i++)
            if (strlen(r.values[i]) > TC_SERVE_MAX_VALUE)
                abort();
    } else if (e.status != 400 && e.status != 404 && e.status != 413 &&
               e.status != 503) {
        abort();
    }
    tc_api_req_free(&r);
    return 0;
}

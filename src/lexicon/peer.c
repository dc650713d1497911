/*
 * peer.c - TABARI and PETRARCH-2 dictionaries (placeholder until the
 * readers land: reports the format as unsupported).
 */
#include "lexicon.h"

tc_status tc_lexicon_load_tabari(tc_lexicon *lx, const char *path,
                                 const char *text, size_t n, bool agents,
                                 tc_warn_fn warn, void *warn_ctx,
                                 size_t *errors)
{
    (void)lx; (void)path; (void)text; (void)n; (void)agents; (void)warn;
    (void)warn_ctx; (void)errors;
    return TC_ERR_UNSUPPORTED;
}

tc_status tc_lexicon_load_petrarch(tc_lexicon *lx, const char *path,
                                   const char *text, size_t n, bool agents,
                                   tc_warn_fn warn, void *warn_ctx,
                                   size_t *errors)
{
    (void)lx; (void)path; (void)text; (void)n; (void)agents; (void)warn;
    (void)warn_ctx; (void)errors;
    return TC_ERR_UNSUPPORTED;
}

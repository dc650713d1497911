/*
 * serve.h - `tacitus serve`: a read-only HTTP JSON API over a store and the
 * dashboard (web/), on libmicrohttpd (docs/API.md, docs/ARCHITECTURE.md).
 *
 *   request.c  the request URI: path and query parameters decoded, capped
 *              and validated into the options of one endpoint (no I/O, no
 *              database; fuzz/fuzz_serve.c drives it)
 *   api.c      the endpoints: a validated request and a store connection
 *              in, a JSON reply out
 *   server.c   libmicrohttpd, the connection pool, static files, signals,
 *              the command line
 */
#ifndef TC_SERVE_H
#define TC_SERVE_H

#include "store/store.h"

#include <stdbool.h>
#include <stddef.h>

/* Caps on what a request may carry. */
#define TC_SERVE_MAX_URI 4096      /* bytes of path + query (else 413) */
#define TC_SERVE_MAX_PARAMS 24     /* query parameters (else 413) */
#define TC_SERVE_MAX_VALUE 200     /* bytes of one decoded value (else 400) */
#define TC_SERVE_MAX_HEADERS 8192  /* bytes of all request headers (else 413) */
#define TC_SERVE_MAX_LIMIT 1000    /* rows of /api/events (else 400) */
#define TC_SERVE_MAX_OFFSET 1000000
#define TC_SERVE_MAX_BODY (8u << 20) /* bytes of one JSON reply */

typedef enum tc_endpoint {
    TC_EP_NONE = 0,
    TC_EP_HEALTH,
    TC_EP_EVENTS,
    TC_EP_SERIES,
    TC_EP_ALERTS,
    TC_EP_ACTORS,
    TC_EP_PLACES,
    TC_EP_ARTICLE,
    TC_EP_STATIC
} tc_endpoint;

/* An error for the client: HTTP status, a short code, a sentence, and the
 * parameter at fault (or ""). */
typedef struct tc_api_err {
    int status;
    const char *code;
    char param[32];
    char message[240];
} tc_api_err;

/* A parsed and validated request.  Every string points into `buf`. */
typedef struct tc_api_req {
    tc_endpoint ep;
    char *buf;                /* owned: the decoded path and parameters */
    char *path;               /* decoded path */
    const char *keys[TC_SERVE_MAX_PARAMS];
    const char *values[TC_SERVE_MAX_PARAMS];
    int nparams;
    /* Validated options of the endpoint. */
    tc_store_filter filter;   /* events (limit, offset included) */
    tc_series_opts series;    /* series */
    tc_alert_opts alerts;     /* alerts */
    const char *from, *to;    /* actors, places */
    long limit;               /* actors, places */
    const char *article;      /* the {id} of /api/articles/{id} */
    const char *file;         /* static: the file under the web folder */
} tc_api_req;

/* Parses `uri` (path and query, as sent, `len` bytes) into `r`.  Returns
 * true, or false with `e` set (400, 404 or 413); tc_api_req_free after
 * either. */
bool tc_api_parse(const char *uri, size_t len, tc_api_req *r, tc_api_err *e);
void tc_api_req_free(tc_api_req *r);
/* The value of parameter `key`, or NULL. */
const char *tc_api_param(const tc_api_req *r, const char *key);

/* A reply: status, body (owned, malloc'd) and its content type. */
typedef struct tc_api_reply {
    int status;
    char *body;
    size_t len;
} tc_api_reply;

/* Answers an API request (r->ep is not TC_EP_STATIC) from `store`. */
void tc_api_answer(tc_store *store, const tc_api_req *r, const char *db_name,
                   tc_api_reply *out);
/* The JSON body of an error. */
void tc_api_error_reply(const tc_api_err *e, tc_api_reply *out);

/* `tacitus serve` (argv[0] is "serve"). */
int tc_serve_main(int argc, char **argv);

#endif
